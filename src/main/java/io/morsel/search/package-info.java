/**
 * Search: every node's own Lucene index of the published lessons of every organisation (titles, objectives, text
 * blocks, transcript cues with their start times, interactions, image alternative texts, skills and programs), and
 * the searches learners run against it, each result linking to the exact place it was found.
 *
 * <p>Listens to {@link io.morsel.catalog.LessonPublished} and appends it to the search change log in the database;
 * every node follows that log and updates its own index (docs/adr/0019-per-node-search-indexes.md). Publishes nothing.
 * Owns the change log ({@code search_changes}, pruned below every live node's position in {@code search_positions},
 * with {@code search_pruned} and {@code search_organisations}), each organisation's synonyms ({@code search_synonyms}), which widen
 * its queries, and the text Tesseract read in each image ({@code search_image_texts}, by the image's hash). Ranks by
 * words and, with the in-process sentence model loaded ({@code morsel.search.semantic}), by meaning too
 * (docs/adr/0025-semantic-search.md).
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "catalog", "identity", "shared", "web" })
package io.morsel.search;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
