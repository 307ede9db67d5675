/**
 * Credentials: achievements and their criteria (mastery of skills as reinforcement decides it, or holding other
 * achievements, which is how they stack), each organisation's Ed25519 issuer keys, and the Open Badges 3.0
 * credentials Morsel issues, signs (Data Integrity, eddsa-rdfc-2022) and verifies; see docs/credentials.md.
 *
 * <p>Listens to reinforcement's {@link io.morsel.reinforcement.SkillMastered}: an achievement whose rule now holds is
 * awarded, and credentials the currency rule suspended are reinstated; and to its
 * {@link io.morsel.reinforcement.MasteryLost}: credentials that rested on the lapsed mastery get their achievement's
 * grace period (their holder is told; a db-scheduler task suspends them when it is over); and to
 * learning's {@link io.morsel.learning.LessonCompleted}: the lesson's score is kept, and achievements for completing
 * a program are awarded. Publishes
 * {@link io.morsel.credentials.CredentialIssued}, {@link io.morsel.credentials.CredentialGraceStarted}, and each organisation's Bitstring Status Lists (revocation,
 * suspension). Every JSON-LD context it reads comes from its bundled copies ({@code credentials/contexts}); it never
 * fetches one.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "reinforcement", "learning", "catalog", "identity", "shared", "web" })
package io.morsel.credentials;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
