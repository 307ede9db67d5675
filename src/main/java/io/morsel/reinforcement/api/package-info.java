/** Reinforcement's REST API: the FSRS simulator administrators and integrators tune parameters with. */
@NullMarked
package io.morsel.reinforcement.api;

import org.jspecify.annotations.NullMarked;
