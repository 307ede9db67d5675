/** Reinforcement's pages: the daily review and its card on Today; fitting an organisation's FSRS weights. */
@NullMarked
package io.morsel.reinforcement.web;

import org.jspecify.annotations.NullMarked;
