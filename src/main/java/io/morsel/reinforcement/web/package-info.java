/** Reinforcement's pages: fitting an organisation's FSRS weights to its review log. */
@NullMarked
package io.morsel.reinforcement.web;

import org.jspecify.annotations.NullMarked;
