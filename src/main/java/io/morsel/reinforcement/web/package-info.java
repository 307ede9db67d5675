/** The daily review's pages and its card on Today. */
@NullMarked
package io.morsel.reinforcement.web;

import org.jspecify.annotations.NullMarked;
