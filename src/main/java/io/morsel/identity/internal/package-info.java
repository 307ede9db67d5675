/** Identity's aggregates, their tables and the services behind its pages and API; no other module imports this. */
@NullMarked
package io.morsel.identity.internal;

import org.jspecify.annotations.NullMarked;
