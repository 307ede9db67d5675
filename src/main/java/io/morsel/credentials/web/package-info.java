/**
 * The credentials pages: the studio's achievements, and the public ones — issuer keys (did:web, JWK set),
 * achievement images and each credential's page.
 */
@NullMarked
package io.morsel.credentials.web;

import org.jspecify.annotations.NullMarked;
