package io.morsel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * UI text comes from the message bundle: every key a template names exists, and no template shows literal words of
 * its own outside the placeholder text that {@code th:text} replaces.
 */
class MessagesTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	/** {@code #{key}} and {@code #{'prefix.' + ...}}: the literal part must exist, as a key or a key prefix. */
	private static final Pattern KEY = Pattern.compile("#\\{'?([a-z][a-z0-9.-]*[a-z0-9.-])'?");

	@Test
	void everyKeyATemplateUsesIsInTheBundle() throws IOException {
		var messages = new Properties();
		try (InputStream in = Files.newInputStream(Path.of("src/main/resources/messages.properties"))) {
			messages.load(in);
		}
		var missing = new ArrayList<String>();
		for (var template : templates()) {
			var matcher = KEY.matcher(Files.readString(template));
			while (matcher.find()) {
				var key = matcher.group(1);
				var found = key.endsWith(".") ? messages.stringPropertyNames().stream().anyMatch(k -> k.startsWith(key))
						: messages.containsKey(key);
				if (!found) {
					missing.add(TEMPLATES.relativize(template) + ": " + key);
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void templatesHaveNoLiteralTextOutsideReplacedElements() throws IOException {
		var literal = new ArrayList<String>();
		// Text between tags whose opening tag has no th:text, th:utext, th:errors or th:replace, ignoring Thymeleaf comments.
		var text = Pattern.compile("<([a-zA-Z][a-zA-Z0-9:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>([^<]*\\p{L}{2,}[^<]*)<");
		for (var template : templates()) {
			var source = Files.readString(template).replaceAll("(?s)<!--.*?-->", "");
			var matcher = text.matcher(source);
			while (matcher.find()) {
				var attributes = matcher.group(2);
				if (!attributes.matches("(?s).*\\bth:(u?text|replace|insert|errors)=.*") && !matcher.group(1).equals("script")
						&& !matcher.group(1).equals("style")) {
					literal.add(TEMPLATES.relativize(template) + ": " + matcher.group(3).strip());
				}
			}
		}
		assertThat(literal).isEmpty();
	}

	private static java.util.List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter(p -> p.toString().endsWith(".html")).toList();
		}
	}
}
