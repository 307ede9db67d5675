/** Search's REST API: searching the caller's organisation, and rebuilding its index. */
@NullMarked
package io.morsel.search.api;

import org.jspecify.annotations.NullMarked;
