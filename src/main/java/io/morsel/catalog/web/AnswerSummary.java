package io.morsel.catalog.web;

import io.morsel.catalog.PlayableLesson.Choice;
import io.morsel.catalog.PlayableLesson.Question;
import io.morsel.catalog.Response;
import io.morsel.catalog.Score;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A learner's answer to a question in words, and how it did, as any page that shows feedback needs them
 * ({@code ${@answerSummary.lines(q, response)}}, {@code ${@answerSummary.verdict(score)}}).
 */
@Component("answerSummary")
class AnswerSummary {

	public List<String> lines(Question question, Response response) {
		return switch (response) {
			case Response.Choice choice -> question.options()
				.stream()
				.filter(o -> choice.optionIds().contains(o.id()))
				.map(Choice::text)
				.toList();
			case Response.Matching matching -> question.left()
				.stream()
				.map(left -> left.text() + " → " + text(question.right(), matching.pairs().get(left.id())))
				.toList();
			case Response.Ordering ordering -> ordering.itemIds()
				.stream()
				.map(id -> (ordering.itemIds().indexOf(id) + 1) + ". " + text(question.options(), id))
				.toList();
			case Response.Text text -> List.of(text.text());
		};
	}

	/** How the answer did, as a message key: right, partly right, not quite, or kept (exercises). */
	public String verdict(Score score) {
		if (score.correct() == null) {
			return "player.verdict.kept";
		}
		if (score.correct()) {
			return "player.verdict.right";
		}
		return score.credit() > 0 ? "player.verdict.partly" : "player.verdict.wrong";
	}

	/** The verdict as a style: right, partly, wrong or kept. */
	public String tone(Score score) {
		return verdict(score).substring("player.verdict.".length());
	}

	public long percent(Score score) {
		return Math.round(score.credit() * 100);
	}

	private static String text(List<Choice> choices, String id) {
		return choices.stream().filter(c -> c.id().equals(id)).map(Choice::text).findFirst().orElse(id);
	}
}
