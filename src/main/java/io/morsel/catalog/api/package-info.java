/**
 * The catalog's REST API under {@code /api/v1}: the lessons learners get, media and skills. Authors write lessons and
 * programs through authoring's API, which calls the same services as the studio.
 */
@NullMarked
package io.morsel.catalog.api;

import org.jspecify.annotations.NullMarked;
