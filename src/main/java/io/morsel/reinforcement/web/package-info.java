/**
 * Reinforcement's pages: the daily review and its card on Today; fitting an organisation's FSRS weights; the learner's
 * skills with their forgetting curves, and the team's recall of each skill.
 */
@NullMarked
package io.morsel.reinforcement.web;

import org.jspecify.annotations.NullMarked;
