/**
 * Delivery's pages: the learner's notification centre and send log, their delivery settings, the managers' trigger
 * rules, the administrators' send log and cadence defaults, and the unsubscribe page of every nudge mail.
 */
@NullMarked
package io.morsel.delivery.web;

import org.jspecify.annotations.NullMarked;
