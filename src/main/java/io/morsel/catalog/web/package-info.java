/** The catalog's pages and files for browsers: transcripts as WebVTT captions. */
@NullMarked
package io.morsel.catalog.web;

import org.jspecify.annotations.NullMarked;
