/**
 * The catalog's pages and files for browsers: the catalog learners browse ({@code /catalog}, narrowed by a skill or by
 * the topics they follow through {@link io.morsel.catalog.FollowedSkills}), media, transcripts as WebVTT captions, and
 * what templates of any module use to show catalog content: blocks ({@code catalog/blocks}), a question's form fields
 * ({@code catalog/question}), and an answer in words with its verdict.
 */
@NullMarked
package io.morsel.catalog.web;

import org.jspecify.annotations.NullMarked;
