/** Learning's REST API: programs as a learner sees them, enrolment and assignment, answers, progress. */
@NullMarked
package io.morsel.learning.api;

import org.jspecify.annotations.NullMarked;
