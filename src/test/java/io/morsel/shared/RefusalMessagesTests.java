package io.morsel.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every refusal a person reads comes from the message bundles: a {@link ProblemException} is made with a message code,
 * never with a sentence, and the codes and the bundle agree in both directions (each code used is in
 * messages.properties, each refusal there is used). The sources are read as text: a refusal is a {@code new} of
 * {@link ProblemException} or of one of its subclasses, wherever declared.
 */
class RefusalMessagesTests {

	private static final Path SOURCES = Path.of("src/main/java");

	private static final Path BUNDLE = Path.of("src/main/resources/messages.properties");

	/** A message code: dotted lower-case words ("catalog.refused.objective-one-sentence"). */
	private static final Pattern CODE = Pattern.compile("[a-z0-9-]+(\\.[a-z0-9-]+)+");

	/** Words: two letters in a row; a format such as "%04X" is not language. */
	private static final Pattern WORDS = Pattern.compile("\\p{L}{2}");

	/** The codes of refusals in the bundle: those this test holds to the sources. */
	private static final Pattern REFUSAL_CODE = Pattern.compile("([a-z0-9-]+\\.refused|not-found)\\..+");

	private static final Pattern SUBCLASS = Pattern.compile("class (\\w+) extends (\\w+)");

	@Test
	void refusalsAreMadeWithMessageCodesNotSentences() throws IOException {
		var sentences = new ArrayList<String>();
		for (var call : refusals(sources())) {
			for (var literal : call.topLevelLiterals()) {
				if (!CODE.matcher(literal).matches() && WORDS.matcher(literal).find()) {
					sentences.add(call.where() + ": \"" + literal + "\"");
				}
			}
		}

		assertThat(sentences).as("refusals made with a sentence: move it to messages.properties, pass its code")
			.isEmpty();
	}

	@Test
	void everyCodeARefusalIsMadeWithIsInTheBundle() throws IOException {
		var bundle = bundle();
		var missing = new TreeSet<String>();
		for (var call : refusals(sources())) {
			for (var literal : call.topLevelLiterals()) {
				if (CODE.matcher(literal).matches() && !bundle.containsKey(literal)) {
					missing.add(call.where() + ": " + literal);
				}
			}
		}

		assertThat(missing).as("codes of refusals missing from messages.properties").isEmpty();
	}

	@Test
	void everyRefusalInTheBundleIsUsed() throws IOException {
		var sources = String.join("\n", sources().values());
		var unused = new TreeSet<String>();
		for (var key : bundle().stringPropertyNames()) {
			// A Bean Validation message names its code in braces: message = "{code}".
			if (REFUSAL_CODE.matcher(key).matches() && !sources.contains("\"" + key + "\"")
					&& !sources.contains("\"{" + key + "}\"")) {
				unused.add(key);
			}
		}

		assertThat(unused).as("refusals in messages.properties that no source uses").isEmpty();
	}

	@Test
	void aRefusalReadsItsCodeFromTheBundleWithItsArguments() {
		var refusal = new InvalidValueException("catalog.refused.organisation-already-has-skill-named", "Excel");

		assertThat(refusal.getMessage()).isEqualTo("The organisation already has a skill named 'Excel'");
		assertThat(refusal.getBody().getDetail()).isEqualTo(refusal.getMessage());
		assertThat(refusal.getDetailMessageCode()).isEqualTo("catalog.refused.organisation-already-has-skill-named");
	}

	@Test
	void numbersReadAsTheyWereWrittenNotGrouped() {
		var refusal = new InvalidValueException("catalog.refused.objective-must-most-characters", 1000);

		assertThat(refusal.getMessage()).isEqualTo("The objective must be at most 1000 characters");
	}

	@Test
	void theCheckFindsSentencesButNotCodesNorTheirArguments() {
		var source = Map.of("Example.java", """
				class Example {
					void check(int n, String what) {
						throw new InvalidValueException("catalog.refused.too-long", n, String.join("; ", List.of()));
						throw new NotFoundException(n > 1 ? "not-found.lessons" : "not-found.lesson");
						throw new ConflictException("The lesson is archived already");
						throw new InvalidValueException("The objective must be at most " + n + " characters");
						throw new Unrelated("Any words at all");
					}
				}
				class Refused extends ConflictException {
				}
				class Use {
					Object x = new Refused(
							"Spread over lines");
				}
				""");

		var literals = refusals(source).stream().flatMap(c -> c.topLevelLiterals().stream()).toList();

		assertThat(literals).containsExactly("catalog.refused.too-long", "not-found.lessons", "not-found.lesson",
				"The lesson is archived already", "The objective must be at most ", " characters",
				"Spread over lines");
	}

	/** One {@code new} of a refusal: where it is, and its arguments as written. */
	private record Call(String where, String arguments) {

		/** The string literals among the arguments themselves, not inside calls they make. */
		List<String> topLevelLiterals() {
			var literals = new ArrayList<String>();
			var depth = 0;
			for (var i = 0; i < arguments.length(); i++) {
				var c = arguments.charAt(i);
				if (c == '"') {
					var end = endOfLiteral(arguments, i);
					if (depth == 0) {
						literals.add(arguments.substring(i + 1, end));
					}
					i = end;
				}
				else if (c == '\'') {
					i = arguments.indexOf('\'', i + (arguments.charAt(i + 1) == '\\' ? 3 : 2));
				}
				else if (c == '(' || c == '[' || c == '{') {
					depth++;
				}
				else if (c == ')' || c == ']' || c == '}') {
					depth--;
				}
			}
			return literals;
		}
	}

	private static List<Call> refusals(Map<String, String> sources) {
		var refusals = refusalClasses(sources);
		var news = Pattern.compile("new (" + String.join("|", refusals) + ")\\(");
		var calls = new ArrayList<Call>();
		sources.forEach((file, source) -> {
			Matcher found = news.matcher(source);
			while (found.find()) {
				var open = found.end() - 1;
				var close = closing(source, open);
				var line = source.substring(0, found.start()).lines().count();
				calls.add(new Call(file + ":" + line, source.substring(open + 1, close)));
			}
		});
		return calls;
	}

	/** {@link ProblemException} and every class that extends it or one of its subclasses, by simple name. */
	private static Set<String> refusalClasses(Map<String, String> sources) {
		var parents = new LinkedHashMap<String, String>();
		for (var source : sources.values()) {
			var declared = SUBCLASS.matcher(source);
			while (declared.find()) {
				parents.put(declared.group(1), declared.group(2));
			}
		}
		var refusals = new TreeSet<>(Set.of("ProblemException", "InvalidValueException", "InvalidRequestException",
				"NotFoundException", "ConflictException"));
		for (var grew = true; grew;) {
			grew = false;
			for (var entry : parents.entrySet()) {
				if (refusals.contains(entry.getValue()) && refusals.add(entry.getKey())) {
					grew = true;
				}
			}
		}
		return refusals;
	}

	private static int closing(String source, int open) {
		var depth = 0;
		for (var i = open; i < source.length(); i++) {
			var c = source.charAt(i);
			if (c == '"') {
				i = endOfLiteral(source, i);
			}
			else if (c == '(') {
				depth++;
			}
			else if (c == ')' && --depth == 0) {
				return i;
			}
		}
		throw new IllegalStateException("unbalanced parentheses after " + open);
	}

	private static int endOfLiteral(String source, int open) {
		for (var i = open + 1; i < source.length(); i++) {
			if (source.charAt(i) == '\\') {
				i++;
			}
			else if (source.charAt(i) == '"') {
				return i;
			}
		}
		throw new IllegalStateException("unclosed literal at " + open);
	}

	private static Map<String, String> sources() throws IOException {
		var sources = new LinkedHashMap<String, String>();
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (var file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
				sources.put(SOURCES.relativize(file).toString(), Files.readString(file));
			}
		}
		return sources;
	}

	private static Properties bundle() throws IOException {
		var bundle = new Properties();
		try (Reader in = Files.newBufferedReader(BUNDLE, StandardCharsets.UTF_8)) {
			bundle.load(in);
		}
		return bundle;
	}
}
