/**
 * Web: the layout, shared page fragments, role homes, error pages and the API's error answers; no business rules.
 * May call every module's API.
 */
@NullMarked
package io.morsel.web;

import org.jspecify.annotations.NullMarked;
