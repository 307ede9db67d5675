package io.morsel.authoring;

import io.morsel.shared.ProblemException;
import io.morsel.shared.ProblemTypes;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/**
 * The draft breaks a publishing rule: nothing assesses its objective, or (where the organisation says so) the
 * objective is vague or double. Answered 409 {@code /problems/not-publishable}, with the rules broken as
 * {@code reasons} (warning codes); the draft stays as it was.
 */
public class LessonNotPublishable extends ProblemException {

	private final List<LessonWarning> reasons;

	LessonNotPublishable(List<LessonWarning> reasons) {
		super(HttpStatus.CONFLICT, ProblemTypes.NOT_PUBLISHABLE, "problem.title.lesson-not-publishable",
				"authoring.refused.not-publishable",
				reasons.stream().map(LessonNotPublishable::why).collect(Collectors.joining("; ")));
		this.reasons = List.copyOf(reasons);
		getBody().setProperty("reasons", this.reasons.stream().map(LessonWarning::code).toList());
	}

	public List<LessonWarning> reasons() {
		return reasons;
	}

	private static String why(LessonWarning reason) {
		return switch (reason) {
			case NO_ASSESSMENT -> resolve("authoring.refused.not-publishable.no-assessment");
			case VAGUE_VERB -> resolve("authoring.refused.not-publishable.vague-verb");
			case DOUBLE_OBJECTIVE -> resolve("authoring.refused.not-publishable.double-objective");
			case DURATION -> resolve("authoring.refused.not-publishable.duration");
			case OVER_LIMIT -> resolve("authoring.refused.not-publishable.over-limit");
		};
	}
}
