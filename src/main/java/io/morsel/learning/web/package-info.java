/** The learner's pages: today, programs, the lesson player; and the manager's assignment page. */
@NullMarked
package io.morsel.learning.web;

import org.jspecify.annotations.NullMarked;
