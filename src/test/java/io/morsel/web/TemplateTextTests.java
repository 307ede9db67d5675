package io.morsel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.attoparser.AbstractMarkupHandler;
import org.attoparser.MarkupParser;
import org.attoparser.ParseException;
import org.attoparser.config.ParseConfiguration;
import org.junit.jupiter.api.Test;

/**
 * Every word a page shows comes from the message bundles: a template holds no literal text a user could read, in an
 * element's body or in an attribute a user meets (a label, a title, a placeholder). Text inside an element whose body
 * Thymeleaf replaces ({@code th:text}, {@code th:utext}, {@code th:replace}, {@code th:insert}) is only the prototype's
 * and never shown. The templates are read with Thymeleaf's own parser (AttoParser), as the application reads them.
 */
class TemplateTextTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	/** Words: two letters in a row. Symbols, numbers and punctuation alone ("·", "→", "1.") are not language. */
	private static final Pattern WORDS = Pattern.compile("\\p{L}{2}");

	/** Attributes whose literal value a user reads or hears. */
	private static final Set<String> SPOKEN_ATTRIBUTES = Set.of("title", "alt", "placeholder", "aria-label",
			"aria-description", "aria-roledescription", "label", "value-label");

	/** Attributes that replace an element's body with what Thymeleaf computes. */
	private static final Set<String> REPLACING = Set.of("th:text", "th:utext", "th:replace", "th:insert",
			"th:remove", "th:errors");

	private static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input", "link",
			"meta", "param", "source", "track", "wbr");

	/** Elements whose body is code, not language. */
	private static final Set<String> CODE = Set.of("script", "style", "code", "pre", "svg");

	/** The only literal text allowed, each with its reason; each entry is "template: text". */
	private static final Set<String> ALLOWED = Set.of(
			// An example of the machine name of an event a CRM sends, typed as it is in every language.
			"delivery/rules.html: placeholder=meeting.scheduled");

	@Test
	void templatesHoldNoLiteralTextOutsideTheMessageBundles() throws IOException {
		var found = new ArrayList<String>();
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (var file : files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
				found.addAll(literalText(file));
			}
		}
		found.removeIf(ALLOWED::contains);

		assertThat(found).as("literal text in templates: move it to messages.properties and use #{...}").isEmpty();
	}

	@Test
	void theCheckFindsTextInBodiesAndSpokenAttributesButNotInReplacedPrototypes() throws Exception {
		var template = Files.createTempFile("template", ".html");
		Files.writeString(template, """
				<div class="page">
				  <h1 th:text="#{title}">Prototype title</h1>
				  <p>Hard-coded sentence</p>
				  <button type="button" aria-label="Close it">×</button>
				  <input type="text" placeholder="Type here">
				  <th:block th:replace="~{x :: y}"><span>prototype</span></th:block>
				  <script>const words = 'not language';</script>
				  <!--/* a comment says why */-->
				  <span>→ 1.</span>
				</div>
				""");
		try {
			assertThat(literalText(template)).extracting(s -> s.substring(s.indexOf(": ") + 2))
				.containsExactly("Hard-coded sentence", "aria-label=Close it", "placeholder=Type here");
		}
		finally {
			Files.delete(template);
		}
	}

	private static List<String> literalText(Path file) throws IOException {
		var templates = TEMPLATES.toAbsolutePath();
		var name = file.toAbsolutePath().startsWith(templates) ? templates.relativize(file.toAbsolutePath()).toString()
				: file.getFileName().toString();
		var found = new ArrayList<String>();
		var handler = new LiteralText(name, found);
		try {
			new MarkupParser(ParseConfiguration.htmlConfiguration()).parse(Files.readString(file), handler);
		}
		catch (ParseException e) {
			throw new AssertionError(file + " does not parse", e);
		}
		return found;
	}

	/** Walks one template, keeping the open elements and whether each replaces its body. */
	private static final class LiteralText extends AbstractMarkupHandler {

		private record Open(String name, boolean replaced) {
		}

		private final String template;
		private final List<String> found;
		private final Deque<Open> open = new ArrayDeque<>();
		private String element = "";
		private boolean replacing;
		private final List<String> spoken = new ArrayList<>();
		private final Set<String> computed = new java.util.HashSet<>();

		LiteralText(String template, List<String> found) {
			this.template = template;
			this.found = found;
		}

		@Override
		public void handleOpenElementStart(char[] buffer, int offset, int length, int line, int col) {
			start(new String(buffer, offset, length));
		}

		@Override
		public void handleStandaloneElementStart(char[] buffer, int offset, int length, boolean minimized, int line,
				int col) {
			start(new String(buffer, offset, length));
		}

		@Override
		public void handleAttribute(char[] buffer, int nameOffset, int nameLength, int nameLine, int nameCol,
				int operatorOffset, int operatorLength, int operatorLine, int operatorCol, int valueContentOffset,
				int valueContentLength, int valueOuterOffset, int valueOuterLength, int valueLine, int valueCol) {
			var name = new String(buffer, nameOffset, nameLength).toLowerCase(Locale.ROOT);
			var value = new String(buffer, valueContentOffset, valueContentLength);
			// The html element's th:replace names the layout, which takes this page's own fragments: not a prototype.
			if (REPLACING.contains(name) && !element.equals("html")) {
				replacing = true;
			}
			if (name.startsWith("th:")) {
				computed.add(name.substring(3));
				if (name.equals("th:attr")) {
					for (var assignment : value.split(",")) {
						computed.add(assignment.split("=")[0].strip());
					}
				}
			}
			if (SPOKEN_ATTRIBUTES.contains(name) && WORDS.matcher(value).find()) {
				spoken.add(name + "=" + value);
			}
		}

		@Override
		public void handleOpenElementEnd(char[] buffer, int offset, int length, int line, int col) {
			report();
			if (!VOID.contains(element)) {
				open.push(new Open(element, replacing || hidden()));
			}
		}

		@Override
		public void handleStandaloneElementEnd(char[] buffer, int offset, int length, boolean minimized, int line,
				int col) {
			report();
		}

		@Override
		public void handleCloseElementStart(char[] buffer, int offset, int length, int line, int col) {
			close(new String(buffer, offset, length));
		}

		@Override
		public void handleAutoCloseElementStart(char[] buffer, int offset, int length, int line, int col) {
			close(new String(buffer, offset, length));
		}

		@Override
		public void handleText(char[] buffer, int offset, int length, int line, int col) {
			var text = new String(buffer, offset, length).strip().replaceAll("\\s+", " ");
			if (!hidden() && WORDS.matcher(text).find()) {
				found.add(template + ": " + text);
			}
		}

		private void start(String name) {
			element = name.toLowerCase(Locale.ROOT);
			replacing = CODE.contains(element);
			spoken.clear();
			computed.clear();
		}

		/** The element's spoken attributes that Thymeleaf does not compute (a th: version of the same wins). */
		private void report() {
			if (hidden()) {
				return;
			}
			for (var attribute : spoken) {
				if (!computed.contains(attribute.substring(0, attribute.indexOf('=')))) {
					found.add(template + ": " + attribute);
				}
			}
		}

		private boolean hidden() {
			return open.stream().anyMatch(Open::replaced);
		}

		private void close(String name) {
			var closing = name.toLowerCase(Locale.ROOT);
			if (open.stream().noneMatch(o -> o.name().equals(closing))) {
				return;
			}
			while (!open.isEmpty() && !open.pop().name().equals(closing)) {
				// Elements HTML closes implicitly (a paragraph before a list) close with their parent.
			}
		}
	}
}
