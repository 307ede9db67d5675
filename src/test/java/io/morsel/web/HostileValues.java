package io.morsel.web;

import java.util.List;
import java.util.Random;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generated input that a careless or hostile client sends: text with control characters, huge text, unusual unicode
 * and markup; numbers out of range or not numbers at all; dates far away or malformed; JSON of the wrong shape. Driven
 * by one seeded {@link Random}, so a failing run is reproduced by its seed.
 */
final class HostileValues {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final List<String> MARKUP = List.of("<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
			"[click](javascript:alert(1))", "[x](data:text/html;base64,PHNjcmlwdD4=)", "${7*7}", "__${T(java.lang.Runtime)}__",
			"{{7*7}}", "' OR 1=1 --", "Robert'); DROP TABLE lessons;--", "../../etc/passwd", "%00", "%s%n", "\\u0000",
			"| https://example.test", "media:../../x", "<!--", "]]>");

	private static final List<String> UNICODE = List.of("日本語のレッスン", "مرحبا بالعالم", "\u202Eevil\u202C", "e\u0301\u0301\u0301",
			"😀👩‍👩‍👧‍👦", "\uFEFFbom", "\u2028line\u2029para", "\uFFFF\uFFFE", "\uD800", "\uDC00x", "ǅ ß İ ı", "\u00A0\u3000");

	private static final List<String> NUMBERS = List.of("-1", "0", "2147483648", "-2147483649", "9223372036854775808",
			"1e309", "-1e309", "NaN", "Infinity", "0x10", "1.5", "", " 7 ", "٣", "1_000", "+5", "00000000000000000001");

	private static final List<String> DATES = List.of("+999999999-12-31", "-999999999-01-01", "999999999-12-31",
			"275760-09-13", "0000-01-01", "1899-12-31", "9999-12-31", "10000-01-01", "2026-02-30", "2026-13-01",
			"2026-1-1", "not a date", "2026-01-01T25:00:00Z", "+999999999-12-31T23:59:59Z", "-0001-01-01T00:00:00Z",
			"2030-06-01T12:00:00Z", "2030-06-01", "1970-01-01T00:00:00Z", "");

	private final Random random;

	HostileValues(long seed) {
		this.random = new Random(seed);
	}

	boolean chance(double p) {
		return random.nextDouble() < p;
	}

	<T> T oneOf(List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

	int between(int from, int to) {
		return from + random.nextInt(to - from + 1);
	}

	/** Any kind of text: ordinary, with a control character, huge, unusual unicode, markup, or empty. */
	String text() {
		return switch (random.nextInt(8)) {
			case 0 -> withControlCharacter(ordinary());
			case 1 -> huge();
			case 2 -> oneOf(UNICODE) + (chance(0.5) ? " " + ordinary() : "");
			case 3 -> oneOf(MARKUP);
			case 4 -> chance(0.5) ? "" : "   \t ";
			case 5 -> oneOf(NUMBERS);
			case 6 -> oneOf(DATES);
			default -> ordinary();
		};
	}

	String ordinary() {
		return oneOf(List.of("Tag a deal with its launch campaign in the CRM.", "Fuzz " + UUID.randomUUID(), "a", "x y z",
				"Write option feedback that explains why each answer is right.", "text", "up", "down", "1", "3"));
	}

	String withControlCharacter(String text) {
		var controls = new char[] { 0, 1, 7, 8, 11, 12, 27, 31, 127, 0x85, 0x9F };
		var at = text.isEmpty() ? 0 : random.nextInt(text.length());
		return text.substring(0, at) + controls[random.nextInt(controls.length)] + text.substring(at);
	}

	String huge() {
		return oneOf(List.of("x", "<b>", "é", "😀", "a ")).repeat(between(1_000, 20_000));
	}

	String number() {
		return chance(0.7) ? oneOf(NUMBERS) : text();
	}

	String date() {
		return chance(0.7) ? oneOf(DATES) : text();
	}

	String id(List<String> known) {
		if (!known.isEmpty() && chance(0.6)) {
			return oneOf(known);
		}
		return oneOf(List.of(UUID.randomUUID().toString(), "00000000-0000-0000-0000-000000000000", "not-a-uuid", "-1",
				"%2e%2e", "..", "a%00b", "9".repeat(40), UUID.randomUUID() + "x"));
	}

	/** A JSON value of the wrong shape for anything: null, nested arrays, objects, huge numbers, deep nesting. */
	JsonNode wrongShape() {
		return switch (random.nextInt(9)) {
			case 0 -> NODES.nullNode();
			case 1 -> NODES.arrayNode().add(NODES.arrayNode().add(NODES.arrayNode()));
			case 2 -> NODES.objectNode().set("a", NODES.objectNode().set("b", NODES.arrayNode().add(1)));
			case 3 -> NODES.numberNode(new java.math.BigDecimal("1e400"));
			case 4 -> NODES.booleanNode(true);
			case 5 -> NODES.numberNode(-1);
			case 6 -> deep(between(10, 400));
			case 7 -> many(between(100, 5_000));
			default -> NODES.stringNode(text());
		};
	}

	private JsonNode deep(int depth) {
		JsonNode node = NODES.stringNode("bottom");
		for (int i = 0; i < depth; i++) {
			node = NODES.arrayNode().add(node);
		}
		return node;
	}

	private ArrayNode many(int count) {
		var array = NODES.arrayNode();
		for (int i = 0; i < count; i++) {
			array.add(i);
		}
		return array;
	}

	ObjectNode object() {
		return NODES.objectNode();
	}

	ArrayNode array() {
		return NODES.arrayNode();
	}

	JsonNode string(String value) {
		return NODES.stringNode(value);
	}

	JsonNode number(long value) {
		return NODES.numberNode(value);
	}

	JsonNode bool() {
		return NODES.booleanNode(random.nextBoolean());
	}

	/** A Content-Type other than the right one, now and then. */
	String contentType(String right) {
		return chance(0.85) ? right : oneOf(List.of("text/plain", "application/*", "multipart/form-data",
				"application/json; charset=nope", "application/xml", "application/json;;", "*/*", "application/x-www-form-urlencoded"));
	}
}
