package io.morsel.authoring;

import io.morsel.catalog.Interaction;
import io.morsel.catalog.LessonContent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Warnings an author sees while writing (never errors: the author decides): an objective that does not start with
 * an observable verb, a lesson outside 2–7 minutes, no question that assesses the objective. The studio's editor and
 * the API answer the same warnings, from here.
 */
@Component
public class ObjectiveLinter {

	/** Verbs whose result cannot be watched: the objective cannot be measured. */
	private static final Pattern VAGUE = Pattern.compile(
			"^(understand|know|learn|be aware|become aware|appreciate|be familiar|get familiar|grasp|realise|realize)\\b");

	public List<LessonWarning> warnings(LessonContent lesson) {
		var warnings = new ArrayList<LessonWarning>();
		if (VAGUE.matcher(lesson.objective().text().toLowerCase(Locale.ROOT)).find()) {
			warnings.add(LessonWarning.VAGUE_VERB);
		}
		if (lesson.estimatedMinutes() < 2 || lesson.estimatedMinutes() > 7) {
			warnings.add(LessonWarning.DURATION);
		}
		if (lesson.interactions().stream().noneMatch(Interaction::assessesObjective)) {
			warnings.add(LessonWarning.NO_ASSESSMENT);
		}
		return warnings;
	}
}
