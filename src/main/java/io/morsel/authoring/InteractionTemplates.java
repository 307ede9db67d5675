package io.morsel.authoring;

import java.util.LinkedHashMap;
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

	private final Map<String, String> templates = new LinkedHashMap<>();

	InteractionTemplates() {
		templates.put("single-choice", choice("single-choice", "choose"));
		templates.put("multiple-choice", choice("multiple-choice", "all-that-apply"));
		templates.put("pick-n", """
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
		templates.put("matching", """
				{
				  "type": "matching", "id": "match", "prompt": "Match each feature to its benefit",
				  "pairs": [
				    {"leftId": "f1", "left": "A feature", "rightId": "b1", "right": "Its benefit", "feedback": null},
				    {"leftId": "f2", "left": "Another feature", "rightId": "b2", "right": "Its benefit", "feedback": null}
				  ],
				  "assessesObjective": true, "explanation": null
				}""");
		templates.put("ordering", """
				{
				  "type": "ordering", "id": "order", "prompt": "Put the steps in order",
				  "items": [
				    {"id": "first", "text": "The first step", "feedback": null},
				    {"id": "second", "text": "The second step", "feedback": null}
				  ],
				  "assessesObjective": true, "explanation": null
				}""");
		templates.put("short-text", """
				{
				  "type": "short-text", "id": "word", "prompt": "Which word is missing?",
				  "acceptedAnswers": ["answer"], "wrongFeedback": "The answer is 'answer'.",
				  "assessesObjective": true, "explanation": null
				}""");
		templates.put("scenario", """
				{
				  "type": "scenario", "id": "case", "situation": "A short case the learner reads first.",
				  "prompt": "What do you do?",
				%s
				  "assessesObjective": true, "explanation": null
				}""".formatted(OPTIONS));
		templates.put("exercise", """
				{
				  "type": "exercise", "id": "apply", "prompt": "Apply it to your own work.", "explanation": null
				}""");
	}

	public Map<String, String> all() {
		return templates;
	}

	/** Interaction ids are unique within a lesson: rename it when a lesson has two of a type. */
	private static String choice(String type, String id) {
		return """
				{
				  "type": "%s", "id": "%s", "prompt": "Your question",
				%s
				  "assessesObjective": true, "explanation": null
				}""".formatted(type, id, OPTIONS);
	}
}
