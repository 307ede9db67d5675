package io.morsel.authoring;

import io.morsel.catalog.Interaction;
import io.morsel.catalog.LessonContent;
import io.morsel.catalog.Objective;
import io.morsel.shared.InvalidValueException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Reads an objective as a sentence: the action verb it starts with (behind any "Learners will be able to"), whether a
 * learner doing it can be watched, its level on Bloom's taxonomy, and whether it holds more than one action. Verbs are
 * told from nouns by their part of speech (OpenNLP), so "Describe how pricing and packaging differ" is one objective
 * while "List the plans and explain when each fits" is two. The word lists are per language
 * ({@code authoring/objectives/<code>.properties}); a language's models are read the first time it is checked and
 * kept (about 11 MB of heap for English).
 */
@Component
public class ObjectiveLinter {

	/** Far beyond any objective; bounds the work one request can ask for. */
	public static final int MAX_CHECKED_LENGTH = 5_000;

	public static final String DEFAULT_LANGUAGE = "en";

	private final Map<String, Optional<ObjectiveLanguage>> languages = new ConcurrentHashMap<>();

	/** Checks an objective written in the language of this ISO 639 code. */
	public ObjectiveCheck check(@Nullable String objective, @Nullable String language) {
		var lang = language(language == null || language.isBlank() ? DEFAULT_LANGUAGE : language.strip());
		if (objective == null || objective.isBlank()) {
			throw new InvalidValueException("authoring.refused.give-objective-check-sentence-starts-what");
		}
		if (objective.length() > MAX_CHECKED_LENGTH) {
			throw new InvalidValueException("authoring.refused.objective-check-has-most-characters-lesson",
					MAX_CHECKED_LENGTH, Objective.MAX_LENGTH);
		}
		return new Reading(lang, objective.strip().replaceAll("\\s+", " ")).check();
	}

	/**
	 * Warnings an author sees while writing (the author decides): an objective that cannot be measured or holds two,
	 * a lesson outside 2–7 minutes, no question that assesses the objective.
	 */
	public List<LessonWarning> warnings(LessonContent lesson) {
		return warnings(lesson, LessonEstimate.of(lesson, media -> OptionalLong.empty()), AuthoringPolicy.DEFAULT);
	}

	/** As above, with the lesson's estimate and the organisation's rules (a lesson over its limit is warned of). */
	public List<LessonWarning> warnings(LessonContent lesson, LessonEstimate estimate, AuthoringPolicy policy) {
		var warnings = new ArrayList<LessonWarning>();
		var objective = check(lesson.objective().text(), DEFAULT_LANGUAGE);
		if (!objective.measurable()) {
			warnings.add(LessonWarning.VAGUE_VERB);
		}
		if (!objective.single()) {
			warnings.add(LessonWarning.DOUBLE_OBJECTIVE);
		}
		if (lesson.estimatedMinutes() < 2 || lesson.estimatedMinutes() > LessonEstimate.WARN_ABOVE_MINUTES
				|| estimate.overWarning()) {
			warnings.add(LessonWarning.DURATION);
		}
		if (lesson.interactions().stream().noneMatch(Interaction::assessesObjective)) {
			warnings.add(LessonWarning.NO_ASSESSMENT);
		}
		if (estimate.over(policy.maxLessonMinutes())) {
			warnings.add(LessonWarning.OVER_LIMIT);
		}
		return warnings;
	}

	/**
	 * What keeps a lesson from being published: nothing assesses its objective, or it is estimated over the
	 * organisation's limit, always; a vague or double objective when the organisation's policy says so.
	 */
	public List<LessonWarning> blockers(LessonContent lesson, LessonEstimate estimate, AuthoringPolicy policy) {
		return warnings(lesson, estimate, policy).stream()
			.filter(warning -> switch (warning) {
				case NO_ASSESSMENT, OVER_LIMIT -> true;
				case VAGUE_VERB, DOUBLE_OBJECTIVE -> policy.objectivesBlockPublishing();
				case DURATION -> false;
			})
			.toList();
	}

	ObjectiveLanguage language(String code) {
		return languages.computeIfAbsent(code, ObjectiveLanguage::load)
			.orElseThrow(() -> new InvalidValueException("authoring.refused.objectives-can-checked-english-not-language",
					DEFAULT_LANGUAGE, code));
	}

	/** One objective being read. */
	private static final class Reading {

		private final ObjectiveLanguage lang;
		private final String text;
		private final List<ObjectiveFinding> findings = new ArrayList<>();
		private final List<String> actions = new ArrayList<>();
		private boolean measurable = true;

		Reading(ObjectiveLanguage lang, String text) {
			this.lang = lang;
			this.text = text;
		}

		ObjectiveCheck check() {
			if (text.length() > Objective.MAX_LENGTH) {
				findings.add(lang.finding(ObjectiveFinding.TOO_LONG, text.length(), Objective.MAX_LENGTH));
			}
			var sentences = lang.sentences(text);
			var several = sentences.length > 1;
			if (several) {
				findings.add(lang.finding(ObjectiveFinding.SEVERAL_SENTENCES));
			}
			var sentence = sentences.length == 0 ? text : sentences[0];
			var preamble = lang.preambleLength(sentence.toLowerCase(lang.locale()));
			var action = sentence.substring(preamble).strip();
			if (preamble > 0) {
				findings.add(lang.finding(ObjectiveFinding.PREAMBLE, sentence.substring(0, preamble).strip(),
						capitalised(action)));
			}
			var words = lang.words(action);
			var head = head(words);
			if (head != null) {
				coordinated(words, head.length() + firstWord(words));
			}
			if (actions.size() > 1) {
				findings.add(lang.finding(ObjectiveFinding.DOUBLE_OBJECTIVE, actions.get(0), actions.get(1)));
			}
			return new ObjectiveCheck(measurable, !several && actions.size() <= 1, head == null ? null : head.phrase(),
					head == null ? null : head.level(), findings);
		}

		/** The action the objective starts with; an adverb before it ("Quickly list…") is skipped. */
		private ObjectiveLanguage.@Nullable Found head(List<ObjectiveLanguage.Word> words) {
			var at = firstWord(words);
			if (at >= words.size()) {
				measurable = false;
				findings.add(lang.finding(ObjectiveFinding.NO_VERB, "", String.join(", ", lang.suggestions(null))));
				return null;
			}
			var vague = lang.vague(words, at);
			if (vague != null) {
				unmeasurable(vague);
				actions.add(vague.phrase());
				return vague;
			}
			var observable = lang.observable(words, at);
			if (observable != null) {
				actions.add(observable.phrase());
				return observable;
			}
			measurable = false;
			if (lang.foreign(words)) {
				findings.add(lang.finding(ObjectiveFinding.OTHER_LANGUAGE));
				return null;
			}
			var word = words.get(at);
			if (word.is("VERB") && baseForm(word)) {
				measurable = true;
				actions.add(word.text());
				findings.add(lang.finding(ObjectiveFinding.UNLISTED_VERB, word.text(),
						String.join(", ", lang.suggestions(null))));
				return new ObjectiveLanguage.Found(word.text(), 1, null);
			}
			findings.add(lang.finding(ObjectiveFinding.NO_VERB, word.text(), String.join(", ", lang.suggestions(null))));
			return null;
		}

		/**
		 * Further actions joined to the first by a coordinator ("and", a comma, "then"). Inside a clause the verb
		 * opens ("how pricing and packaging differ") the words are what the action is about, not more actions.
		 */
		private void coordinated(List<ObjectiveLanguage.Word> words, int from) {
			for (var at = from; at < words.size(); at++) {
				if (lang.opensClause(words.get(at))) {
					return;
				}
				var joined = lang.coordinator(words, at);
				if (joined == 0) {
					continue;
				}
				var next = at + joined;
				while (next < words.size() && (lang.coordinator(words, next) > 0 || words.get(next).is("ADV"))) {
					next += Math.max(1, lang.coordinator(words, next));
				}
				if (next >= words.size()) {
					return;
				}
				var action = action(words, next);
				if (action != null) {
					actions.add(action.phrase());
					at = next + action.length() - 1;
				}
				else {
					at = next - 1;
				}
			}
		}

		/**
		 * A verb of a word list counts as an action when tagged a verb or followed by its object (a determiner,
		 * pronoun or number: "and share it"); another word only when tagged a verb in its base form with an object
		 * after it, so "process refunds and returns" stays one.
		 */
		private ObjectiveLanguage.@Nullable Found action(List<ObjectiveLanguage.Word> words, int at) {
			var word = words.get(at);
			var vague = lang.vague(words, at);
			var listed = vague != null ? vague : lang.observable(words, at);
			if (listed != null) {
				var after = at + listed.length() < words.size() ? words.get(at + listed.length()) : null;
				var acts = word.is("VERB", "AUX") || (after != null && after.is("DET", "PRON", "NUM"));
				if (!acts) {
					return null;
				}
				if (vague != null) {
					unmeasurable(vague);
				}
				return listed;
			}
			var after = at + 1 < words.size() ? words.get(at + 1) : null;
			if (word.is("VERB") && baseForm(word) && after != null && after.is("DET", "PRON", "NUM", "ADJ", "NOUN")) {
				return new ObjectiveLanguage.Found(word.text(), 1, null);
			}
			return null;
		}

		private void unmeasurable(ObjectiveLanguage.Found vague) {
			if (findings.stream().noneMatch(f -> f.code().equals(ObjectiveFinding.VAGUE_VERB))) {
				findings.add(lang.finding(ObjectiveFinding.VAGUE_VERB, vague.phrase(),
						String.join(", ", lang.suggestions(vague.level()))));
			}
			measurable = false;
		}

		/** An imperative's verb is in its base form: "reports", "saved" or "filtering" open no objective. */
		private static boolean baseForm(ObjectiveLanguage.Word word) {
			var text = word.text();
			return !text.endsWith("s") && !text.endsWith("ed") && !text.endsWith("ing");
		}

		private static int firstWord(List<ObjectiveLanguage.Word> words) {
			var at = 0;
			while (at < words.size() - 1 && words.get(at).is("ADV", "PUNCT")) {
				at++;
			}
			return at;
		}

		private String capitalised(String action) {
			if (action.isEmpty()) {
				return action;
			}
			return action.substring(0, 1).toUpperCase(lang.locale()) + action.substring(1);
		}
	}
}
