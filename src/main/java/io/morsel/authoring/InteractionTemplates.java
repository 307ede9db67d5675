package io.morsel.authoring;

import static io.morsel.catalog.InteractionType.EXERCISE;
import static io.morsel.catalog.InteractionType.MATCHING;
import static io.morsel.catalog.InteractionType.MULTIPLE_CHOICE;
import static io.morsel.catalog.InteractionType.ORDERING;
import static io.morsel.catalog.InteractionType.PICK_N;
import static io.morsel.catalog.InteractionType.SCENARIO;
import static io.morsel.catalog.InteractionType.SHORT_TEXT;
import static io.morsel.catalog.InteractionType.SINGLE_CHOICE;

import io.morsel.catalog.InteractionType;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * An example of each interaction type in the lesson format, to start from in the editor's advanced JSON form (the
 * question forms are the usual way to write one).
 */
@Component("interactionTemplates")
public class InteractionTemplates {

	private static final String OPTIONS = """
			  "options": [
			    {"id": "a", "text": "The right answer", "correct": true, "feedback": "Why it is right."},
			    {"id": "b", "text": "A real mistake", "correct": false, "feedback": "Why it is wrong."}
			  ],""";

	private final Map<InteractionType, String> templates = new EnumMap<>(InteractionType.class);

	InteractionTemplates() {
		templates.put(SINGLE_CHOICE, choice(SINGLE_CHOICE, "choose"));
		templates.put(MULTIPLE_CHOICE, choice(MULTIPLE_CHOICE, "all-that-apply"));
		templates.put(PICK_N, """
				{
				  "type": "pick-n", "id": "top", "prompt": "Pick the top 2",
				  "n": 2,
				  "options": [
				    {"id": "a", "text": "First right option", "correct": true, "feedback": null},
				    {"id": "b", "text": "Second right option", "correct": true, "feedback": null},
				    {"id": "c", "text": "A tempting wrong option", "correct": false, "feedback": "Why it is wrong."}
				  ],
				  "assessesObjective": true, "explanation": null
				}""");
		templates.put(MATCHING, """
				{
				  "type": "matching", "id": "match", "prompt": "Match each feature to its benefit",
				  "pairs": [
				    {"leftId": "f1", "left": "A feature", "rightId": "b1", "right": "Its benefit", "feedback": null},
				    {"leftId": "f2", "left": "Another feature", "rightId": "b2", "right": "Its benefit", "feedback": null}
				  ],
				  "assessesObjective": true, "explanation": null
				}""");
		templates.put(ORDERING, """
				{
				  "type": "ordering", "id": "order", "prompt": "Put the steps in order",
				  "items": [
				    {"id": "first", "text": "The first step", "feedback": null},
				    {"id": "second", "text": "The second step", "feedback": null}
				  ],
				  "assessesObjective": true, "explanation": null
				}""");
		templates.put(SHORT_TEXT, """
				{
				  "type": "short-text", "id": "word", "prompt": "Which word is missing?",
				  "acceptedAnswers": ["answer"], "wrongFeedback": "The answer is 'answer'.",
				  "assessesObjective": true, "explanation": null
				}""");
		templates.put(SCENARIO, """
				{
				  "type": "scenario", "id": "case", "situation": "A short case the learner reads first.",
				  "prompt": "What do you do?",
				%s
				  "assessesObjective": true, "explanation": null
				}""".formatted(OPTIONS));
		templates.put(EXERCISE, """
				{
				  "type": "exercise", "id": "apply", "prompt": "Apply it to your own work.", "explanation": null
				}""");
	}

	public Map<InteractionType, String> all() {
		return templates;
	}

	/** Interaction ids are unique within a lesson: rename it when a lesson has two of a type. */
	private static String choice(InteractionType type, String id) {
		return """
				{
				  "type": "%s", "id": "%s", "prompt": "Your question",
				%s
				  "assessesObjective": true, "explanation": null
				}""".formatted(type.formatName(), id, OPTIONS);
	}
}
