/** Identity's REST API under {@code /api/v1}: tokens, the caller, the organisation's people. */
@NullMarked
package io.morsel.identity.api;

import org.jspecify.annotations.NullMarked;
