package io.morsel.authoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Span;
import org.jspecify.annotations.Nullable;

/**
 * What the objective linter knows of one language: its OpenNLP models (sentences, tokens, Universal Dependencies
 * parts of speech) and its word lists, read from {@code authoring/objectives/<code>.properties}. The models are read
 * once, when the language is first used, and shared. The OpenNLP tools that use them are not thread-safe and cost
 * more to make than a reading takes, so each reading borrows a set from a pool and gives it back (a thread-local
 * would make one per virtual thread, that is per request).
 */
final class ObjectiveLanguage {

	private static final String FOLDER = "authoring/objectives/";
	private static final Pattern CODE = Pattern.compile("[a-z]{2,3}");

	/** A word of an objective, lower-cased, with its part of speech (UD tag: VERB, NOUN, DET…). */
	record Word(String text, String tag) {

		boolean is(String... tags) {
			return Arrays.asList(tags).contains(tag);
		}
	}

	/** One reader's OpenNLP tools, used by one thread at a time. */
	private record Tools(SentenceDetectorME sentences, TokenizerME tokens, POSTaggerME partsOfSpeech) {
	}

	/** A phrase of a word list found at a place in the words, with the level the list gives it. */
	record Found(String phrase, int length, @Nullable BloomLevel level) {
	}

	private final Locale locale;
	private final Properties text;
	private final SentenceModel sentences;
	private final TokenizerModel tokens;
	private final POSModel partsOfSpeech;
	private final int frameLength;
	private final String frame;
	private final Map<String, BloomLevel> observable = new HashMap<>();
	private final Map<String, BloomLevel> vague = new HashMap<>();
	private final Map<BloomLevel, List<String>> suggestions = new LinkedHashMap<>();
	private final List<Pattern> preambles;
	private final Set<String> coordinators;
	private final Set<String> clauseOpeners;
	private final Set<String> functionWords;
	private final int longestPhrase;
	private final ConcurrentLinkedDeque<Tools> pool = new ConcurrentLinkedDeque<>();

	private ObjectiveLanguage(String code, Properties text) {
		this.locale = Locale.forLanguageTag(code);
		this.text = text;
		this.sentences = model(text, "models.sentences", SentenceModel::new);
		this.tokens = model(text, "models.tokens", TokenizerModel::new);
		this.partsOfSpeech = model(text, "models.parts-of-speech", POSModel::new);
		this.frame = text.getProperty("tagging-frame", "").strip();
		this.frameLength = frame.isEmpty() ? 0 : new TokenizerME(tokens).tokenize(frame).length;
		for (var level : BloomLevel.values()) {
			list(text, "bloom." + level.code()).forEach(verb -> observable.putIfAbsent(verb, level));
			list(text, "vague." + level.code()).forEach(phrase -> vague.putIfAbsent(phrase, level));
			suggestions.put(level, list(text, "suggest." + level.code()));
		}
		this.preambles = text.stringPropertyNames()
			.stream()
			.filter(key -> key.startsWith("preamble."))
			.sorted()
			.map(key -> Pattern.compile(text.getProperty(key)))
			.toList();
		this.coordinators = new HashSet<>(list(text, "coordinators"));
		text.getProperty("coordinating-punctuation", "").codePoints().forEach(c -> coordinators.add(Character.toString(c)));
		this.clauseOpeners = new HashSet<>(list(text, "clause-openers"));
		this.functionWords = new HashSet<>(list(text, "function-words"));
		this.longestPhrase = Stream.concat(observable.keySet().stream(), Stream.concat(vague.keySet().stream(),
				coordinators.stream()))
			.mapToInt(phrase -> phrase.split(" ").length)
			.max()
			.orElse(1);
	}

	/** The language of this ISO 639 code, if Morsel has its word lists and models. */
	static Optional<ObjectiveLanguage> load(String code) {
		if (!CODE.matcher(code).matches()) {
			return Optional.empty();
		}
		try (var in = ObjectiveLanguage.class.getClassLoader().getResourceAsStream(FOLDER + code + ".properties")) {
			if (in == null) {
				return Optional.empty();
			}
			var text = new Properties();
			text.load(new InputStreamReader(in, StandardCharsets.UTF_8));
			return Optional.of(new ObjectiveLanguage(code, text));
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not read the objective linter's word lists for " + code, e);
		}
	}

	Locale locale() {
		return locale;
	}

	String[] sentences(String text) {
		var tools = borrow();
		try {
			return tools.sentences().sentDetect(text);
		}
		finally {
			pool.push(tools);
		}
	}

	/** Where each sentence of a longer text (a transcript) starts and ends. */
	Span[] sentencePositions(String text) {
		var tools = borrow();
		try {
			return tools.sentences().sentPosDetect(text);
		}
		finally {
			pool.push(tools);
		}
	}

	/** The words of a sentence as written, each with its part of speech. */
	List<Word> tagged(String sentence) {
		var tools = borrow();
		try {
			var tokenized = tools.tokens().tokenize(sentence);
			var tags = tools.partsOfSpeech().tag(tokenized);
			return IntStream.range(0, tokenized.length).mapToObj(i -> new Word(tokenized[i], tags[i])).toList();
		}
		finally {
			pool.push(tools);
		}
	}

	/** How many characters of the (lower-cased) sentence only lead up to the verb: "Learners will be able to ". */
	int preambleLength(String sentence) {
		var at = 0;
		var found = true;
		while (found) {
			found = false;
			for (var preamble : preambles) {
				var m = preamble.matcher(sentence).region(at, sentence.length());
				if (m.lookingAt() && m.end() > at) {
					at = m.end();
					found = true;
				}
			}
		}
		return at;
	}

	/** The words of an objective's action, lower-cased and tagged inside the language's frame. */
	List<Word> words(String action) {
		var lower = action.toLowerCase(locale);
		var tools = borrow();
		String[] tokenized;
		String[] tags;
		try {
			tokenized = tools.tokens().tokenize(frame.isEmpty() ? lower : frame + " " + lower);
			tags = tools.partsOfSpeech().tag(tokenized);
		}
		finally {
			pool.push(tools);
		}
		return IntStream.range(frameLength, tokenized.length)
			.mapToObj(i -> new Word(tokenized[i], tags[i]))
			.toList();
	}

	private Tools borrow() {
		var tools = pool.poll();
		return tools != null ? tools
				: new Tools(new SentenceDetectorME(sentences), new TokenizerME(tokens), new POSTaggerME(partsOfSpeech));
	}

	/** The longest observable verb (or verb phrase) starting at {@code at}. */
	@Nullable Found observable(List<Word> words, int at) {
		return longest(words, at, observable);
	}

	/** The longest unmeasurable verb or phrase ("be aware of") starting at {@code at}. */
	@Nullable Found vague(List<Word> words, int at) {
		return longest(words, at, vague);
	}

	/** How many words the coordinator starting at {@code at} takes ("and", ",", "as well as"), or 0. */
	int coordinator(List<Word> words, int at) {
		for (var length = Math.min(longestPhrase, words.size() - at); length > 0; length--) {
			if (coordinators.contains(phrase(words, at, length))) {
				return length;
			}
		}
		return 0;
	}

	/** Three words or more and none of the language's short function words: another language. */
	boolean foreign(List<Word> words) {
		var real = words.stream().filter(w -> !w.is("PUNCT")).toList();
		return real.size() >= 3 && real.stream().noneMatch(w -> functionWords.contains(w.text()));
	}

	boolean opensClause(Word word) {
		return clauseOpeners.contains(word.text()) || word.is("SCONJ");
	}

	List<String> suggestions(@Nullable BloomLevel level) {
		if (level == null) {
			return suggestions.values().stream().map(List::getFirst).toList();
		}
		return suggestions.get(level);
	}

	ObjectiveFinding finding(String code, Object... arguments) {
		return new ObjectiveFinding(code, format("message." + code, arguments), format("suggestion." + code, arguments));
	}

	private String format(String key, Object... arguments) {
		var pattern = text.getProperty(key);
		if (pattern == null) {
			throw new IllegalStateException("The objective linter's word lists have no " + key);
		}
		return new MessageFormat(pattern, locale).format(arguments);
	}

	private @Nullable Found longest(List<Word> words, int at, Map<String, BloomLevel> list) {
		for (var length = Math.min(longestPhrase, words.size() - at); length > 0; length--) {
			var phrase = phrase(words, at, length);
			var level = list.get(phrase);
			if (level != null) {
				return new Found(phrase, length, level);
			}
		}
		return null;
	}

	private static String phrase(List<Word> words, int at, int length) {
		var phrase = new StringBuilder(words.get(at).text());
		for (var i = at + 1; i < at + length; i++) {
			phrase.append(' ').append(words.get(i).text());
		}
		return phrase.toString();
	}

	private static List<String> list(Properties text, String key) {
		var value = text.getProperty(key, "");
		return Arrays.stream(value.split(","))
			.map(String::strip)
			.filter(s -> !s.isEmpty())
			.toList();
	}

	private interface ModelReader<M> {

		M read(InputStream in) throws IOException;
	}

	private static <M> M model(Properties text, String key, ModelReader<M> reader) {
		var name = text.getProperty(key);
		try (var in = ObjectiveLanguage.class.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("The OpenNLP model " + name + " is not on the classpath");
			}
			return reader.read(in);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not read the OpenNLP model " + name, e);
		}
	}
}
