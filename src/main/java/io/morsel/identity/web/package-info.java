/** Identity's pages: sign-in, password reset, invitations, profile, API tokens, people and the admin's page. */
@NullMarked
package io.morsel.identity.web;

import org.jspecify.annotations.NullMarked;
