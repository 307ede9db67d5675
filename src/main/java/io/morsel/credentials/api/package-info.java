/**
 * The credentials REST API under {@code /api/v1}: achievements for authors and admins, a learner's credentials, and
 * verification of any posted credential.
 */
@NullMarked
package io.morsel.credentials.api;

import org.jspecify.annotations.NullMarked;
