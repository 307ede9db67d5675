/**
 * How requests are authenticated: a session-backed form sign-in for pages, bearer API tokens for {@code /api} and
 * {@code /actuator}, and RFC 9457 answers when the API refuses a request.
 */
@NullMarked
package io.morsel.identity.security;

import org.jspecify.annotations.NullMarked;
