package io.morsel.authoring;

import io.morsel.shared.InvalidValueException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import opennlp.tools.stemmer.PorterStemmer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Cuts a transcript into micro-lessons: its sentences found by the OpenNLP sentence detector and timed from their
 * cues, the topic boundaries found by {@link TextTiling} over their stemmed content words, each segment kept within
 * the lesson length limits, then titled and given a draft objective from its key phrases (noun phrases by part of
 * speech, weighed by how much more often this segment says them than the others), run through the objective linter.
 * English only, as the linter's models are.
 *
 * <p>A text with headings (a document, or Markdown) is cut at its headings instead: each heading starts a segment
 * titled by it, and only a section longer than a lesson is cut further by the tiling (its later parts titled by their
 * key phrases). A preamble shorter than a lesson's minimum joins the first section. One heading alone is the text's
 * title, which divides nothing: such a text is tiled as one without headings.
 */
@Component
public class TranscriptSegmenter {

	/** The shortest lesson worth cutting: two minutes of speech. */
	public static final long MIN_MILLIS = 2 * 60_000L;

	/** A sentence the detector leaves longer than this (captions without punctuation) is read in pieces. */
	static final int LONGEST_SENTENCE_WORDS = 40;

	private static final Set<String> CONTENT = Set.of("NOUN", "PROPN", "VERB", "ADJ", "ADV");
	private static final Set<String> PHRASE = Set.of("NOUN", "PROPN", "ADJ");
	private static final int LONGEST_PHRASE = 3;

	private final ObjectiveLinter linter;
	private final Set<String> lightWords;
	private final String objectiveVerb;
	private final String untitled;
	private final String pair;

	public TranscriptSegmenter(ObjectiveLinter linter) {
		this.linter = linter;
		var text = new Properties();
		try (var in = TranscriptSegmenter.class.getClassLoader()
			.getResourceAsStream("authoring/segmentation/en.properties")) {
			text.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not read the segmenter's word lists", e);
		}
		this.lightWords = Arrays.stream(text.getProperty("light-words").split(","))
			.map(String::strip)
			.collect(Collectors.toUnmodifiableSet());
		this.objectiveVerb = text.getProperty("objective-verb");
		this.untitled = text.getProperty("untitled");
		this.pair = text.getProperty("title-of-two");
	}

	/** The segments proposed at the topic boundaries found, each from two minutes to {@code maxMillis} long. */
	public Segmentation propose(Transcript transcript, long maxMillis) {
		return propose(transcript, TextTiling.Settings.lessons(MIN_MILLIS, maxMillis));
	}

	Segmentation propose(Transcript transcript, TextTiling.Settings settings) {
		var reading = read(transcript);
		if (reading.headings.size() < 2) {
			return reading.segmentation(TextTiling.tile(reading.tiled(), settings).starts());
		}
		return reading.segmentation(bySections(reading, settings));
	}

	/** A segment at each heading; a section longer than a lesson tiled into lessons of its own. */
	private static List<Integer> bySections(Reading reading, TextTiling.Settings settings) {
		var sections = new ArrayList<>(reading.headings.keySet());
		var sentences = reading.sentences();
		if (sections.getFirst() > 0) {
			var preamble = sentences.get(sections.getFirst()).startMillis() - sentences.getFirst().startMillis();
			if (preamble < settings.minMillis()) {
				sections.removeFirst();
			}
			sections.addFirst(0);
		}
		var starts = new ArrayList<Integer>();
		for (var s = 0; s < sections.size(); s++) {
			var first = sections.get(s);
			var end = s + 1 < sections.size() ? sections.get(s + 1) : sentences.size();
			var millis = sentences.get(end - 1).endMillis() - sentences.get(first).startMillis();
			if (millis <= settings.maxMillis()) {
				starts.add(first);
				continue;
			}
			for (var start : TextTiling.tile(reading.tiled().subList(first, end), settings).starts()) {
				starts.add(first + start);
			}
		}
		return starts;
	}

	/**
	 * The segments starting at these sentences, as the author placed the cuts; a start outside the sentences or out
	 * of order is refused.
	 */
	public Segmentation cut(Transcript transcript, List<Integer> starts) {
		var reading = read(transcript);
		var previous = -1;
		for (var start : starts) {
			if (start <= previous || start >= reading.sentences().size()) {
				throw new InvalidValueException("authoring.refused.segments-start-at-sentences",
						reading.sentences().size() - 1, start);
			}
			previous = start;
		}
		if (starts.isEmpty() || starts.getFirst() != 0) {
			throw new InvalidValueException("authoring.refused.first-segment-starts-at-first-sentence");
		}
		return reading.segmentation(starts);
	}

	/** The transcript's sentences, tagged and reduced to the words the tiling compares. */
	Reading read(Transcript transcript) {
		var language = linter.language(ObjectiveLinter.DEFAULT_LANGUAGE);
		var headings = new TreeMap<Integer, String>();
		var sentences = sentences(transcript, language, headings);
		var stemmer = new PorterStemmer();
		var tagged = new ArrayList<List<ObjectiveLanguage.Word>>(sentences.size());
		var tiled = new ArrayList<TextTiling.Sentence>(sentences.size());
		for (var sentence : sentences) {
			var words = language.tagged(sentence.text());
			tagged.add(words);
			var terms = new ArrayList<String>();
			for (var word : words) {
				var lower = word.text().toLowerCase(Locale.ROOT);
				if (CONTENT.contains(word.tag()) && lower.length() > 1 && lower.chars().allMatch(Character::isLetter)
						&& !lightWords.contains(lower)) {
					terms.add(stemmer.stem(lower));
				}
			}
			tiled.add(new TextTiling.Sentence(terms, sentence.startMillis(), sentence.endMillis()));
		}
		return new Reading(transcript, sentences, tagged, tiled, headings);
	}

	/** A transcript read once, cut as often as the author moves the cuts. */
	final class Reading {

		private final Transcript transcript;
		private final List<SpokenSentence> sentences;
		private final List<List<ObjectiveLanguage.Word>> tagged;
		private final List<TextTiling.Sentence> tiled;
		/** The sentences that start a section under a heading, and the heading's text. */
		private final TreeMap<Integer, String> headings;

		Reading(Transcript transcript, List<SpokenSentence> sentences, List<List<ObjectiveLanguage.Word>> tagged,
				List<TextTiling.Sentence> tiled, TreeMap<Integer, String> headings) {
			this.transcript = transcript;
			this.sentences = sentences;
			this.tagged = tagged;
			this.tiled = tiled;
			this.headings = headings;
		}

		List<SpokenSentence> sentences() {
			return sentences;
		}

		List<TextTiling.Sentence> tiled() {
			return tiled;
		}

		Segmentation segmentation(List<Integer> starts) {
			var phrases = new ArrayList<Map<String, Integer>>();
			var spelling = new HashMap<String, String>();
			for (var s = 0; s < starts.size(); s++) {
				phrases.add(phrases(starts.get(s), end(starts, s), spelling));
			}
			var documents = new HashMap<String, Integer>();
			phrases.forEach(counts -> counts.keySet().forEach(p -> documents.merge(p, 1, Integer::sum)));
			var segments = new ArrayList<ProposedSegment>();
			for (var s = 0; s < starts.size(); s++) {
				var first = starts.get(s);
				var end = end(starts, s);
				var key = keyPhrases(phrases.get(s), documents, starts.size()).stream().map(spelling::get).toList();
				var heading = heading(first, end);
				var title = heading != null ? heading
						: key.isEmpty() ? MessageFormat.format(untitled, s + 1)
								: key.size() == 1 ? capitalised(key.getFirst())
										: MessageFormat.format(pair, capitalised(key.get(0)), key.get(1));
				var objective = key.isEmpty() ? objectiveVerb + " the main point of part " + (s + 1)
						: objectiveVerb + " " + key.getFirst();
				// A segment runs until the next one starts, so that together they cover the recording without gaps.
				var endMillis = end < sentences.size() ? sentences.get(end).startMillis()
						: sentences.get(end - 1).endMillis();
				segments.add(new ProposedSegment(first, end - first, sentences.get(first).startMillis(), endMillis,
						title, objective,
						linter.check(objective, ObjectiveLinter.DEFAULT_LANGUAGE), key));
			}
			return new Segmentation(transcript.format(), transcript.timed(), sentences, segments);
		}

		/**
		 * The title a segment takes from the headings of a text cut at them: the first heading within it; none where
		 * it continues a section, or the text has fewer than two headings.
		 */
		private @Nullable String heading(int first, int end) {
			var within = headings.ceilingEntry(first);
			return headings.size() < 2 || within == null || within.getKey() >= end ? null : within.getValue();
		}

		private int end(List<Integer> starts, int segment) {
			return segment + 1 < starts.size() ? starts.get(segment + 1) : sentences.size();
		}

		/** Noun phrases of up to three words (adjectives and nouns, ending in a noun), counted by their lower case. */
		private Map<String, Integer> phrases(int first, int end, Map<String, String> spelling) {
			var counts = new HashMap<String, Integer>();
			for (var i = first; i < end; i++) {
				var run = new ArrayList<ObjectiveLanguage.Word>();
				for (var word : tagged.get(i)) {
					var lower = word.text().toLowerCase(Locale.ROOT);
					if (PHRASE.contains(word.tag()) && lower.length() > 1 && lower.chars().allMatch(Character::isLetter)
							&& !lightWords.contains(lower)) {
						run.add(word);
						continue;
					}
					count(run, counts, spelling);
					run.clear();
				}
				count(run, counts, spelling);
			}
			return counts;
		}

		private static void count(List<ObjectiveLanguage.Word> run, Map<String, Integer> counts,
				Map<String, String> spelling) {
			for (var last = 0; last < run.size(); last++) {
				if (!run.get(last).is("NOUN", "PROPN")) {
					continue;
				}
				for (var first = Math.max(0, last - LONGEST_PHRASE + 1); first <= last; first++) {
					var words = run.subList(first, last + 1);
					var written = words.stream()
						.map(w -> w.is("PROPN") ? w.text() : w.text().toLowerCase(Locale.ROOT))
						.collect(Collectors.joining(" "));
					var key = written.toLowerCase(Locale.ROOT);
					counts.merge(key, 1, Integer::sum);
					spelling.putIfAbsent(key, written);
				}
			}
		}

		/** The three phrases this segment says most, over how many segments say them; none inside another. */
		private static List<String> keyPhrases(Map<String, Integer> counts, Map<String, Integer> documents,
				int segments) {
			var scores = new LinkedHashMap<String, Double>();
			counts.forEach((phrase, count) -> {
				if (count < 2) {
					return;
				}
				var words = phrase.split(" ").length;
				var rarity = Math.log(1.0 + segments / (double) documents.get(phrase));
				scores.put(phrase, count * rarity * (1 + 0.5 * (words - 1)));
			});
			var ranked = scores.entrySet()
				.stream()
				.sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
				.map(Map.Entry::getKey)
				.toList();
			var chosen = new ArrayList<String>();
			for (var ranking : ranked) {
				if (chosen.size() == 3) {
					break;
				}
				var phrase = fuller(ranking, counts);
				if (chosen.stream().noneMatch(c -> c.contains(phrase) || phrase.contains(c))) {
					chosen.add(phrase);
				}
			}
			return chosen;
		}

		/** "Bug report" rather than "bug", when at least half of the times "bug" is said, "bug report" is. */
		private static String fuller(String phrase, Map<String, Integer> counts) {
			var fuller = phrase;
			for (var candidate : counts.entrySet()) {
				if (candidate.getKey().length() > fuller.length()
						&& (" " + candidate.getKey() + " ").contains(" " + phrase + " ")
						&& candidate.getValue() * 2 >= counts.get(phrase)) {
					fuller = candidate.getKey();
				}
			}
			return fuller;
		}
	}

	/**
	 * The transcript's sentences, each timed by where it falls in its cues: a sentence starting a third of the way
	 * into a cue's text starts a third of the way into the cue's time.
	 */
	static List<SpokenSentence> sentences(Transcript transcript, ObjectiveLanguage language) {
		return sentences(transcript, language, new TreeMap<>());
	}

	/**
	 * The sentences, as {@link #sentences(Transcript, ObjectiveLanguage)}, never running across a heading; into
	 * {@code headings}, the sentence each heading's section starts at and the heading's text.
	 */
	private static List<SpokenSentence> sentences(Transcript transcript, ObjectiveLanguage language,
			Map<Integer, String> headings) {
		var text = new StringBuilder();
		var offsets = new int[transcript.cues().size()];
		for (var c = 0; c < offsets.length; c++) {
			if (c > 0) {
				text.append(' ');
			}
			offsets[c] = text.length();
			text.append(transcript.cues().get(c).text());
		}
		var all = text.toString();
		// Where a section starts, by its heading's cue: a sentence the detector runs across it is cut there.
		var sections = new TreeMap<Integer, String>();
		transcript.headings().forEach((cue, heading) -> sections.put(offsets[cue], heading));
		var sentences = new ArrayList<SpokenSentence>();
		for (var span : language.sentencePositions(all)) {
			var from = span.getStart();
			var breaks = new ArrayList<>(sections.subMap(from, false, span.getEnd(), false).keySet());
			breaks.add(span.getEnd());
			for (var to : breaks) {
				var section = sections.ceilingEntry(from);
				var startsSection = section != null && section.getKey() < to
						&& all.substring(from, section.getKey()).isBlank();
				var before = sentences.size();
				for (var piece : pieces(all, from, to)) {
					sentences.add(new SpokenSentence(all.substring(piece[0], piece[1]).strip(),
							time(transcript, offsets, piece[0], all.length()),
							time(transcript, offsets, piece[1], all.length())));
				}
				if (startsSection && sentences.size() > before) {
					headings.put(before, section.getValue());
				}
				from = to;
			}
		}
		return sentences;
	}

	/** The sentence as one piece, or cut every {@link #LONGEST_SENTENCE_WORDS} words when it runs longer. */
	private static List<int[]> pieces(String text, int start, int end) {
		var pieces = new ArrayList<int[]>();
		var words = 0;
		var from = start;
		for (var i = start; i < end; i++) {
			if (Character.isWhitespace(text.charAt(i)) && i > start && !Character.isWhitespace(text.charAt(i - 1))
					&& ++words == LONGEST_SENTENCE_WORDS) {
				pieces.add(new int[] { from, i });
				from = i + 1;
				words = 0;
			}
		}
		if (from < end && !text.substring(from, end).isBlank()) {
			pieces.add(new int[] { from, end });
		}
		return pieces;
	}

	private static long time(Transcript transcript, int[] offsets, int at, int length) {
		var c = Arrays.binarySearch(offsets, at);
		if (c < 0) {
			c = -c - 2;
		}
		var cue = transcript.cues().get(c);
		var cueEnd = c + 1 < offsets.length ? offsets[c + 1] - 1 : length;
		var share = cueEnd == offsets[c] ? 0 : Math.min(1.0, (at - offsets[c]) / (double) (cueEnd - offsets[c]));
		return cue.startMillis() + Math.round(share * (cue.endMillis() - cue.startMillis()));
	}

	private static String capitalised(String phrase) {
		return phrase.substring(0, 1).toUpperCase(Locale.ROOT) + phrase.substring(1);
	}
}
