/** The demo organisations' achievements, and the demo learner's credential earned through a seeded review history. */
@NullMarked
package io.morsel.credentials.demo;

import org.jspecify.annotations.NullMarked;
