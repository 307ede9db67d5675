/**
 * The shared kernel: small types every module may use and that carry no business rule of their own (the
 * not-found failure that hides other tenants' data, problem types of the API, text constraints). See ADR 0002.
 */
@NullMarked
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package io.morsel.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
