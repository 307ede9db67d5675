/**
 * Morsel: one top-level package per application module (see docs/modules), verified by {@code ModularityTests}.
 */
@NullMarked
package io.morsel;

import org.jspecify.annotations.NullMarked;
