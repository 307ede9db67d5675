/**
 * The author's REST API under {@code /api/v1}: lessons created (also imported), drafted, published and exported, and
 * programs created and changed. Each endpoint calls the same authoring service as the studio's page for that use
 * case, so both check the role, the rules and the objective the same way.
 */
@NullMarked
package io.morsel.authoring.api;

import org.jspecify.annotations.NullMarked;
