/**
 * A module of the tests alone, listening to learning's events as reinforcement, tracking and analytics will (and to
 * reinforcement's mastery events as notifications will): with
 * {@code @ApplicationModuleListener}, after the commit, through the event publication log. It is not a module of the
 * application: {@code ModularityTests} imports no test classes, and says so.
 */
@NullMarked
package io.morsel.listening;

import org.jspecify.annotations.NullMarked;
