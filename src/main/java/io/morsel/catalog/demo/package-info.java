/** The demo catalog seeded on the embedded default: our own lessons, programs and media under {@code demo/}. */
@NullMarked
package io.morsel.catalog.demo;

import org.jspecify.annotations.NullMarked;
