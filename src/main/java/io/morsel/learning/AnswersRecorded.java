package io.morsel.learning;

import java.util.List;

/**
 * The answers one write stored, announced together after each is announced as an {@link AnswerRecorded}: for a
 * listener whose work per answer is a few rows, so that it costs one event publication and one transaction per write
 * instead of one per answer (ADR 0015). A write holds one answer, or many learners' answers when the node's answer
 * writer batches them (ADR 0005). Never empty.
 */
public record AnswersRecorded(List<AnswerRecorded> answers) {

	public AnswersRecorded {
		answers = List.copyOf(answers);
	}
}
