/**
 * Catalog: lessons (one objective, ordered blocks), their interactions and how each is scored, skills and programs.
 *
 * <p>The interaction types ({@link io.morsel.catalog.InteractionType}) and their scoring are the API other modules
 * (learning) use to judge an answer; see {@link io.morsel.catalog.Interaction} and docs/scoring.md. How a question is
 * asked and answered on a page is the catalog's too, so that every page that asks one (the lesson player, a review)
 * shows the same form: the fields in {@code templates/catalog/question.html}, the answer they send read by
 * {@link io.morsel.catalog.QuestionForms}; blocks are shown by {@code templates/catalog/blocks.html}.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "identity", "shared", "web" })
package io.morsel.catalog;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
