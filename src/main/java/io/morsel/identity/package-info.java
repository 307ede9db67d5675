/**
 * Identity: organisations (the tenants), users, their memberships and roles, sign-in, API tokens, invitations,
 * password resets and each user's preferences (time zone, language).
 *
 * <p>Its API is the signed-in {@link io.morsel.identity.CurrentMember}, the {@link io.morsel.identity.Role}s, the
 * typed ids, {@link io.morsel.identity.AccessRules} (through which every module declares the URL rules of its own
 * pages and endpoints) and {@link io.morsel.identity.OutboundMail} (the mail every module sends through). Every other
 * module depends on it; it depends only on {@code shared}.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "shared" })
package io.morsel.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
