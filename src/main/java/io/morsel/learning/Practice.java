package io.morsel.learning;

import io.morsel.catalog.Marking;
import io.morsel.catalog.Score;

/**
 * An answer given again as practice, after the scored one: judged and marked as any answer, and never stored, so the
 * scored first answer stays what it was.
 */
public record Practice(String interactionId, Score score, Marking marking) {
}
