/**
 * Catalog: lessons (one objective, ordered blocks), their interactions and how each is scored, skills and programs.
 *
 * <p>The interaction types and their scoring are the API other modules (learning) use to judge an answer; see
 * {@link io.morsel.catalog.Interaction} and docs/scoring.md.
 */
@NullMarked
package io.morsel.catalog;

import org.jspecify.annotations.NullMarked;
