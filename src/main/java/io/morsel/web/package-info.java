/**
 * Web: the shell every module's pages use: the layout, a cache of kept fragments and pages
 * ({@link io.morsel.web.KeptFragments}, ADR 0007), the sections modules put on Today ({@link io.morsel.web.TodaySection}),
 * the navigation modules contribute links to ({@link io.morsel.web.NavigationEntry}),
 * role homes, error pages and the API's error answers; no business
 * rules, and no module's types but identity's member. Modules' own fragments (a lesson's blocks, a question's form)
 * live with their modules' templates.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "identity", "shared" })
package io.morsel.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
