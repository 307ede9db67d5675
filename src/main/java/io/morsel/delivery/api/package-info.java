/** Delivery's REST API: just-in-time triggers, their rules, and one-click unsubscribe (RFC 8058). */
@NullMarked
package io.morsel.delivery.api;

import org.jspecify.annotations.NullMarked;
