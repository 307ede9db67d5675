/**
 * Authoring: the author's use cases, each with one home that the studio's pages and the REST API
 * ({@code authoring.api}) both call, so the author role, the rules and the linter answer the same through either.
 * Lessons are created, edited block by block (questions in a form for each interaction type, or as the lesson
 * format's JSON), played beside the editor in learning's player (a frame; authoring only links it), published, exported and imported ({@link
 * io.morsel.authoring.Workbench}); the objective linter ({@link io.morsel.authoring.ObjectiveLinter}, OpenNLP parts of
 * speech and per-language word lists) finds vague and double objectives and places their verb on Bloom's taxonomy,
 * for lessons and programs' outcomes alike, live as the author types; {@link io.morsel.authoring.LessonEstimate} times
 * a lesson from its text, media and questions. Publishing refuses a lesson that nothing assesses or that runs over the
 * organisation's limit, and, where its admin says so ({@link io.morsel.authoring.AuthoringSettings}), a vague or
 * double objective (docs/authoring-quality.md). Programs are created (with a slug given or made from the title) and edited
 * (details, lessons added, moved and removed) ({@link io.morsel.authoring.ProgramWorkbench}). A recording's
 * transcript (WebVTT, SRT or text) is cut into micro-lessons at topic boundaries and its accepted parts made into lesson
 * drafts ({@link io.morsel.authoring.Repurposing}, {@link io.morsel.authoring.TranscriptSegmenter}); the studio keeps
 * its working copy of the cuts in its own tables. Lessons are stored through the catalog's API.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "catalog", "identity", "shared", "web" })
package io.morsel.authoring;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
