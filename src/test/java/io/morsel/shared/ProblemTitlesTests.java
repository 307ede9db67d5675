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
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every problem detail's title comes from the message bundles, as its detail does (ADR 0037): refusals, the filters'
 * problems and the API's own answers name a title by its code ({@code problem.title.not-found}), never by a sentence.
 * The sources are read as text: a title is the string that follows a problem type ({@code ProblemTypes.FORBIDDEN,
 * "problem.title.forbidden"}, or a refusal's own {@code TYPE}), the title a refusal hands its parent
 * ({@code super("problem.title.answer-does-not-fit", code, arguments)}), or one set with {@code setTitle}.
 */
class ProblemTitlesTests {

	private static final Path SOURCES = Path.of("src/main/java");

	private static final Path BUNDLE = Path.of("src/main/resources/messages.properties");

	private static final Pattern CODE = Pattern.compile("[a-z0-9-]+(\\.[a-z0-9-]+)+");

	private static final String LITERAL = "\"((?:[^\"\\\\]|\\\\.)*)\"";

	private static final List<Pattern> TITLES = List.of(
			Pattern.compile("(?:ProblemTypes\\.[A-Z_]+|\\bTYPE),\\s*" + LITERAL),
			Pattern.compile("setTitle\\(\\s*" + LITERAL));

	/** An {@link InvalidValueException} of a kind of its own hands its parent a title first, then the code. */
	private static final Pattern INVALID_VALUE_TITLE = Pattern.compile("super\\(\\s*" + LITERAL + "\\s*,");

	@Test
	void titlesAreMessageCodesOfTheBundle() throws IOException {
		var bundle = bundle();
		var refused = new TreeSet<String>();
		titles(sources()).forEach((where, title) -> {
			if (!CODE.matcher(title).matches() || !bundle.containsKey(title)) {
				refused.add(where + ": \"" + title + "\"");
			}
		});

		assertThat(refused).as("titles written as sentences, or codes missing from messages.properties: put the "
				+ "title in messages.properties as problem.title.*, pass its code").isEmpty();
	}

	@Test
	void everyTitleInTheBundleIsUsed() throws IOException {
		var sources = String.join("\n", sources().values());
		var unused = new TreeSet<String>();
		for (var key : bundle().stringPropertyNames()) {
			if (key.startsWith("problem.title.") && !sources.contains("\"" + key + "\"")) {
				unused.add(key);
			}
		}

		assertThat(unused).as("problem titles in messages.properties that no source uses").isEmpty();
	}

	@Test
	void aRefusalReadsItsTitleFromTheBundle() {
		var refusal = new NotFoundException("not-found.achievement");

		assertThat(refusal.getBody().getTitle()).isEqualTo("Not found");
		assertThat(refusal.getTitleMessageCode()).isEqualTo("problem.title.not-found");
	}

	@Test
	void theCheckFindsTitlesWrittenAsSentences() {
		var source = Map.of("Example.java", """
				class Example extends ProblemException {
					Example(String code) {
						super(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "Already there", code);
					}
					Example(String code, Object... arguments) {
						super(HttpStatus.CONFLICT, TYPE, "problem.title.conflict", code, arguments);
					}
					void write() {
						problems.write(request, response, 403, ProblemTypes.FORBIDDEN, "Read-only token",
								"This token may only read.");
						problem.setTitle("Too many attempts");
					}
				}
				class Answer extends InvalidValueException {
					Answer(String code, Object... arguments) {
						super("Answer does not fit", code, arguments);
					}
				}
				""");

		assertThat(titles(source).values()).containsExactlyInAnyOrder("Already there", "problem.title.conflict",
				"Read-only token", "Too many attempts", "Answer does not fit");
	}

	/** Each title the sources pass, by where it is ("File.java:12"). */
	private static Map<String, String> titles(Map<String, String> sources) {
		var titles = new LinkedHashMap<String, String>();
		sources.forEach((file, source) -> {
			var patterns = new ArrayList<>(TITLES);
			if (source.contains("extends InvalidValueException")) {
				patterns.add(INVALID_VALUE_TITLE);
			}
			for (var pattern : patterns) {
				var found = pattern.matcher(source);
				while (found.find()) {
					var line = source.substring(0, found.start()).lines().count();
					titles.put(file + ":" + line + ":" + found.start(), found.group(1));
				}
			}
		});
		return titles;
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
