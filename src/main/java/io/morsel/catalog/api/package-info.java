/** The catalog's REST API under {@code /api/v1}: lessons (authoring, export and import, what learners get) and skills. */
@NullMarked
package io.morsel.catalog.api;

import org.jspecify.annotations.NullMarked;
