/** The search page, its suggestions as the learner types, and search's URL rules. */
@NullMarked
package io.morsel.search.web;

import org.jspecify.annotations.NullMarked;
