package io.morsel.reinforcement;

import io.morsel.catalog.LessonId;
import io.morsel.catalog.PlayableLesson.Question;
import java.util.UUID;

/**
 * One question of a learner's daily review, as it is shown: its options in an order fixed for this showing.
 *
 * @param reviewItemId names this showing of the card (the card at its current review count): sent back with the
 * answer, so that the same answer sent twice is reviewed once, and the seed of the options' order, so that a reload
 * shows the same order
 */
public record ReviewItem(UUID cardId, UUID reviewItemId, LessonId lessonId, String lessonTitle,
		Question question) {
}
