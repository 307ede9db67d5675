/**
 * Authoring: the author's workbench. Lessons are created, edited block by block (questions in a form for each
 * interaction type, or as the lesson format's JSON), previewed as a learner sees them, published, exported and
 * imported through the catalog's API; the objective linter warns about vague objectives and lessons outside 2–7
 * minutes. Programs are created and edited (details, lessons added, moved and removed) through the catalog's
 * {@code Programs}.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "catalog", "identity", "shared", "web" })
package io.morsel.authoring;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
