package io.morsel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.morsel.MorselIntegrationTest;
import io.morsel.TestInfrastructure;
import io.morsel.support.Visitor;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Generated hostile input against every API operation (as the OpenAPI document at /api/docs lists them) and every
 * form (as Morsel's own pages render them), over real HTTP on PostgreSQL. Whatever is sent, the answer is never a
 * 5xx, and a refused request (4xx, or a form shown again with its error) changes nothing in the database.
 *
 * <p>Runs in an organisation of its own, with one member holding every role, so nothing it sends can touch the demo
 * accounts other tests sign in with. Seeded ({@code -Dmorsel.fuzz.seed}); the seed and the number of inputs tried per
 * operation are printed.
 */
@MorselIntegrationTest
class GeneratedInputTests {

	private static final long SEED = Long.getLong("morsel.fuzz.seed", 20261130L);
	private static final int TRIES_PER_API_OPERATION = 12;
	private static final int TRIES_PER_FORM = 6;
	private static final String PASSWORD = "correct horse battery";
	private static final Pattern UUID_IN_PATH = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
	private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL);
	private static final Pattern FIELD = Pattern.compile("<(input|select|textarea|button)\\b([^>]*)>", Pattern.DOTALL);
	private static final Pattern OPTION = Pattern.compile("<option\\b[^>]*value=\"([^\"]*)\"");
	/** Tables whose rows a refused request must leave as they were (sessions, throttles and the event log change on any request). */
	private static final List<String> TABLES = List.of("organisations", "users", "memberships", "membership_roles",
			"invitations", "password_resets", "media", "skills", "lessons", "lesson_versions", "lesson_skills", "programs",
			"program_lessons", "enrolments", "lesson_attempts", "answers", "member_groups", "member_group_members");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	PasswordEncoder passwords;

	final HostileValues values = new HostileValues(SEED);
	final Map<String, Integer> tried = new TreeMap<>();
	final List<String> failures = new ArrayList<>();
	boolean settle = true;
	String lastSent = "";

	String email;
	UUID memberId;
	Visitor member;
	Map<String, List<String>> known = new LinkedHashMap<>();

	@Test
	void noGeneratedInputGetsA5xxOrWritesHalfway() {
		assumeFalse(TestInfrastructure.onH2(), "PostgreSQL is where text with NUL and far dates fail");
		var started = System.nanoTime();
		createOrganisation();
		member = Visitor.signedIn(port, email, PASSWORD);
		seedContent();
		fuzzApi();
		fuzzForms();
		System.out.printf("Generated inputs (seed %d), %d in all, in %d s:%n", SEED,
				tried.values().stream().mapToInt(Integer::intValue).sum(), (System.nanoTime() - started) / 1_000_000_000);
		tried.forEach((operation, count) -> System.out.printf("  %4d  %s%n", count, operation));
		assertThat(failures).isEmpty();
	}

	// The API, operation by operation, as its OpenAPI document describes it.

	private void fuzzApi() {
		var docs = json.readTree(Visitor.anonymous(port).get("/api/docs").body());
		var schemas = docs.path("components").path("schemas");
		for (var path : docs.get("paths").propertyNames()) {
			var operations = docs.get("paths").get(path);
			for (var method : operations.propertyNames()) {
				var operation = operations.get(method);
				var token = token();
				for (int i = 0; i < TRIES_PER_API_OPERATION; i++) {
					var target = apiPath(path, operation);
					var body = operation.has("requestBody") ? body(operation.get("requestBody"), schemas) : null;
					tryOne(method.toUpperCase() + " " + path, false, () -> send(method.toUpperCase(), target, operation, body, token));
				}
			}
		}
	}

	private HttpResponse<String> send(String method, String path, JsonNode operation, Body body, String token) {
		var auth = values.chance(0.9) ? token : values.chance(0.5) ? null : "morsel_" + UUID.randomUUID();
		if (body != null && body.multipart()) {
			return member.multipartWithToken(path, auth, values.chance(0.7) ? values.ordinary() + ".png" : values.text(),
					values.chance(0.5) ? new byte[0] : values.huge().getBytes(StandardCharsets.UTF_8));
		}
		var content = body == null ? "" : body.text();
		var type = body == null ? null : values.contentType("application/json");
		return member.send(method, path, type, content, auth);
	}

	private String apiPath(String template, JsonNode operation) {
		var path = template;
		for (var parameter : operation.path("parameters")) {
			var name = parameter.get("name").asString();
			if (parameter.get("in").asString().equals("path")) {
				var value = name.equals("id") && !template.startsWith("/api/v1/tokens")
						? values.id(known.getOrDefault(resource(template), List.of())) : values.text();
				path = path.replace("{" + name + "}", encode(value));
			}
		}
		if (values.chance(0.3)) {
			path += "?" + values.oneOf(List.of("q=" + encode(values.text()), encode(values.text()), "%25s%25n=" + encode(values.text()),
					"a&&=&b=", "q"));
		}
		return path;
	}

	private static String resource(String path) {
		var parts = path.split("/");
		return parts.length > 3 ? parts[3] : "";
	}

	record Body(String text, boolean multipart) {
	}

	private Body body(JsonNode requestBody, JsonNode schemas) {
		var content = requestBody.path("content");
		if (content.has("multipart/form-data")) {
			return new Body("", true);
		}
		var schema = content.path("application/json").path("schema");
		return switch (values.between(0, 9)) {
			case 0 -> new Body(values.wrongShape().toString(), false);
			case 1 -> new Body(values.oneOf(List.of("", "{", "{\"a\":", "null", "[1,]", "{\"a\":1}}", "\u0000",
					"[".repeat(5_000) + "]".repeat(5_000), "{\"a\":" + "[".repeat(2_000))), false);
			default -> new Body(value(schema, schemas, 0).toString(), false);
		};
	}

	/** A value that fits the schema in shape, with hostile content, or now and then a value of the wrong shape. */
	private JsonNode value(JsonNode schema, JsonNode schemas, int depth) {
		if (schema.has("$ref")) {
			var name = schema.get("$ref").asString().substring("#/components/schemas/".length());
			return depth > 4 ? values.object() : value(schemas.path(name), schemas, depth + 1);
		}
		if (values.chance(0.12)) {
			return values.wrongShape();
		}
		var type = schema.path("type").asString("object");
		var format = schema.path("format").asString("");
		return switch (type) {
			case "object" -> {
				var object = values.object();
				var properties = schema.path("properties");
				for (var name : properties.propertyNames()) {
					if (values.chance(0.85)) {
						object.set(name, value(properties.get(name), schemas, depth + 1));
					}
				}
				if (values.chance(0.1)) {
					object.set(values.chance(0.5) ? "admin" : values.text(), values.bool());
				}
				yield object;
			}
			case "array" -> {
				var array = values.array();
				for (int i = values.between(0, 3); i > 0; i--) {
					array.add(value(schema.path("items"), schemas, depth + 1));
				}
				yield array;
			}
			case "integer", "number" -> values.chance(0.5) ? values.number(values.oneOf(List.of(-1L, 0L, 3L, 5L,
					Long.MAX_VALUE, Long.MIN_VALUE, (long) Integer.MAX_VALUE + 1))) : values.string(values.number());
			case "boolean" -> values.chance(0.8) ? values.bool() : values.string(values.text());
			default -> switch (format) {
				case "uuid" -> values.string(values.id(known.values().stream().flatMap(List::stream).toList()));
				case "date-time", "date" -> values.string(values.date());
				case "email" -> values.string(values.chance(0.5) ? "nobody@acme.test" : values.text());
				default -> values.string(values.text());
			};
		};
	}

	// Every form of Morsel's pages, as the pages render them.

	private void fuzzForms() {
		var lesson = known.get("lessons").getFirst();
		var program = known.get("programs").getFirst();
		var pages = List.of("/profile", "/tokens", "/admin", "/studio", "/studio/lessons/" + lesson, "/studio/programs",
				"/studio/programs/" + program, "/team", "/today", "/programs/" + program, "/lessons/" + lesson);
		var forms = new LinkedHashMap<String, Form>();
		for (var page : pages) {
			for (var form : forms(member.get(page).body())) {
				forms.putIfAbsent(UUID_IN_PATH.matcher(form.action()).replaceAll("{id}").replaceAll("/[0-9]+(/|$)", "/{n}$1"),
						form);
			}
		}
		var anonymous = Visitor.anonymous(port);
		for (var page : List.of("/sign-in", "/password/forgot")) {
			for (var form : forms(anonymous.get(page).body())) {
				forms.putIfAbsent("(signed out) " + form.action(), form.signedOut());
			}
		}
		// Forms behind an emailed secret: sent with a secret that is not one.
		var secret = UUID.randomUUID().toString().replace("-", "");
		forms.put("(signed out) /invitations/{secret}", new Form("/invitations/" + secret, false,
				Map.of("name", List.of(""), "password", List.of(""), "confirmation", List.of(""), "timeZone", List.of("UTC")),
				List.of(), true));
		forms.put("(signed out) /password/reset/{secret}", new Form("/password/reset/" + secret, false,
				Map.of("password", List.of(""), "confirmation", List.of("")), List.of(), true));
		forms.forEach((name, form) -> {
			if (form.action().equals("/sign-out") || form.action().contains(memberId.toString())) {
				return;
			}
			for (int i = 0; i < TRIES_PER_FORM; i++) {
				var visitor = form.anonymous() ? Visitor.anonymous(port) : member;
				tryOne("POST " + name, true, () -> submit(visitor, form));
			}
		});
	}

	record Form(String action, boolean multipart, Map<String, List<String>> fields, List<String> files, boolean anonymous) {

		Form signedOut() {
			return new Form(action, multipart, fields, files, true);
		}
	}

	private List<Form> forms(String html) {
		var found = new ArrayList<Form>();
		var forms = FORM.matcher(html);
		while (forms.find()) {
			var attributes = forms.group(1);
			if (!attribute(attributes, "method").equalsIgnoreCase("post")) {
				continue;
			}
			var fields = new LinkedHashMap<String, List<String>>();
			var files = new ArrayList<String>();
			var inputs = FIELD.matcher(forms.group(2));
			while (inputs.find()) {
				var name = attribute(inputs.group(2), "name");
				if (name.isEmpty() || name.equals("_csrf")) {
					continue;
				}
				if (attribute(inputs.group(2), "type").equals("file")) {
					files.add(name);
					continue;
				}
				var value = attribute(inputs.group(2), "value");
				if (inputs.group(1).equals("select")) {
					var option = OPTION.matcher(forms.group(2).substring(inputs.end()));
					value = option.find() ? option.group(1) : "";
				}
				fields.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
			}
			found.add(new Form(attribute(attributes, "action").replace("&amp;", "&"),
					attribute(attributes, "enctype").contains("multipart"), fields, files, false));
		}
		return found;
	}

	private HttpResponse<String> submit(Visitor visitor, Form form) {
		var sent = new LinkedHashMap<String, Object>();
		form.fields().forEach((name, given) -> {
			if (values.chance(0.08)) {
				return;
			}
			var value = values.chance(0.4) && !given.getFirst().isEmpty() ? values.oneOf(given) : fieldValue(name);
			sent.put(name, value);
		});
		if (values.chance(0.1)) {
			sent.put(values.ordinary().replace(" ", ""), values.text());
		}
		var action = form.action();
		if (values.chance(0.15)) {
			action = UUID_IN_PATH.matcher(action).replaceFirst(encode(values.id(List.of())));
		}
		if (values.chance(0.15)) {
			action += (action.contains("?") ? "&" : "?") + "q=" + encode(values.text());
		}
		lastSent = action + " with " + sent.entrySet().stream()
			.map(e -> e.getKey() + "=" + String.valueOf(e.getValue()).length() + " chars "
					+ String.valueOf(e.getValue()).substring(0, Math.min(20, String.valueOf(e.getValue()).length())))
			.toList();
		if (form.multipart() || !form.files().isEmpty()) {
			var fileName = values.chance(0.6) ? "lesson.json" : values.text();
			return visitor.multipart(action, sent, form.files().isEmpty() ? null : form.files().getFirst(), fileName,
					fileContent());
		}
		return visitor.form(action, sent);
	}

	private String fieldValue(String name) {
		return switch (name) {
			case "minutes", "index", "timeTakenMs" -> values.number();
			case "due" -> values.date();
			case "program", "members", "groups", "lesson", "skills" -> values.id(known.values().stream().flatMap(List::stream).toList());
			default -> values.text();
		};
	}

	private byte[] fileContent() {
		var lesson = values.object();
		lesson.set("title", values.string(values.text()));
		lesson.set("objective", values.string(values.chance(0.5) ? "Tag a deal with its launch campaign in the CRM." : values.text()));
		lesson.set("estimatedMinutes", values.chance(0.5) ? values.number(3) : values.wrongShape());
		lesson.set("blocks", values.array().add(values.object().put("type", "text").put("markdown", values.text())));
		return (values.chance(0.8) ? lesson.toString() : values.text()).getBytes(StandardCharsets.UTF_8);
	}

	// What every try asserts.

	private void tryOne(String operation, boolean page, java.util.function.Supplier<HttpResponse<String>> request) {
		tried.merge(operation, 1, Integer::sum);
		lastSent = "";
		// A GET writes nothing by design; only requests that may write are checked for half-done writes.
		var writes = !operation.startsWith("GET ");
		var before = writes ? fingerprint(settle) : "";
		HttpResponse<String> answer;
		try {
			answer = request.get();
		}
		catch (RuntimeException e) {
			failures.add(operation + ": the request failed: " + e);
			return;
		}
		var status = answer.statusCode();
		settle = writes && status < 400;
		if (status >= 500) {
			failures.add(operation + " answered " + status + " to " + answer.request().uri() + " (" + lastSent + "): "
					+ answer.body().substring(0, Math.min(300, answer.body().length())));
			return;
		}
		var refused = status >= 400 || page && status == 200 && answer.body().contains("role=\"alert\"");
		if (writes && refused && !before.equals(fingerprint(false))) {
			failures.add(operation + " refused a request with " + status + " but changed the database: "
					+ answer.request().uri());
		}
	}

	/**
	 * The rows of every table a request may write, as one digest. After a request that may have written, read until
	 * two reads agree: it may still be writing in the background (answers are written in batches).
	 */
	private String fingerprint(boolean settle) {
		var query = String.join(" || '/' || ", TABLES.stream()
			.map(table -> "(SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, ',' ORDER BY t::text)), '') FROM "
					+ table + " t)")
			.toList());
		var last = "";
		for (int i = 0; i < 20; i++) {
			var now = jdbc.sql("SELECT " + query).query(String.class).single();
			if (!settle || now.equals(last)) {
				return now;
			}
			last = now;
			pause();
		}
		return last;
	}

	// The organisation the generated input is sent to.

	private void createOrganisation() {
		var organisation = UUID.randomUUID();
		var user = UUID.randomUUID();
		memberId = UUID.randomUUID();
		var slug = "fuzz-" + organisation.toString().substring(0, 8);
		email = "fuzzer@" + slug + ".test";
		var now = OffsetDateTime.now();
		jdbc.sql("INSERT INTO organisations (id, slug, name, created_at) VALUES (?, ?, ?, ?)")
			.params(organisation, slug, "Fuzz " + slug, now).update();
		jdbc.sql("""
				INSERT INTO users (id, email, name, password_hash, time_zone, language, created_at)
				VALUES (?, ?, 'Fuzzer', ?, 'UTC', 'en', ?)""").params(user, email, passwords.encode(PASSWORD), now).update();
		jdbc.sql("INSERT INTO memberships (id, organisation_id, user_id, joined_at) VALUES (?, ?, ?, ?)")
			.params(memberId, organisation, user, now).update();
		for (var role : List.of("LEARNER", "AUTHOR", "MANAGER", "ADMIN")) {
			jdbc.sql("INSERT INTO membership_roles (membership_id, role) VALUES (?, ?)").params(memberId, role).update();
		}
		// A learner whose roles and groups the admin's forms change, and a group to add people to.
		var learnerUser = UUID.randomUUID();
		var learner = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO users (id, email, name, time_zone, language, created_at)
				VALUES (?, ?, 'Fuzzed learner', 'UTC', 'en', ?)""").params(learnerUser, "learner@" + slug + ".test", now).update();
		jdbc.sql("INSERT INTO memberships (id, organisation_id, user_id, joined_at) VALUES (?, ?, ?, ?)")
			.params(learner, organisation, learnerUser, now).update();
		jdbc.sql("INSERT INTO membership_roles (membership_id, role) VALUES (?, 'LEARNER')").params(learner).update();
		jdbc.sql("INSERT INTO member_groups (id, organisation_id, name, created_at) VALUES (?, ?, 'Fuzzed group', ?)")
			.params(UUID.randomUUID(), organisation, now).update();
		known.put("people", List.of(memberId.toString(), learner.toString()));
	}

	/** A skill, a published lesson with a question and a program to aim at, made as an author would. */
	private void seedContent() {
		var token = token();
		var lesson = json.readTree(member.send("POST", "/api/v1/lessons", "application/json", keyboardLesson(), token).body());
		var lessonId = lesson.path("id").asString();
		member.send("POST", "/api/v1/lessons/" + lessonId + "/publish", null, "", token);
		var program = json.readTree(member.send("POST", "/api/v1/programs", "application/json", """
				{"slug": "fuzz", "title": "Fuzzed program", "outcome": "Tag deals.", "selfEnrol": true,
				 "lessons": ["%s"]}""".formatted(lessonId), token).body());
		member.send("POST", "/api/v1/skills", "application/json", "{\"name\": \"Fuzzing\"}", token);
		member.send("PUT", "/api/v1/lessons/" + lessonId + "/draft", "application/json", keyboardLesson(), token);
		known.put("lessons", List.of(lessonId));
		known.put("programs", List.of(program.path("id").asString()));
		known.put("attempts", List.of());
		known.put("media", List.of());
		if (lessonId.isEmpty() || program.path("id").asString().isEmpty()) {
			throw new IllegalStateException("Could not seed the fuzzed organisation: " + lesson + " " + program);
		}
	}

	private static String keyboardLesson() {
		try (var in = GeneratedInputTests.class.getResourceAsStream("/catalog/keyboard-lesson.json")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
	}

	private String token() {
		var answer = Visitor.anonymous(port).send("POST", "/api/v1/tokens", "application/json",
				"{\"email\": \"%s\", \"password\": \"%s\", \"organisation\": \"%s\"}".formatted(email, PASSWORD,
						email.substring(email.indexOf('@') + 1, email.lastIndexOf('.'))), null);
		return json.readTree(answer.body()).path("token").asString();
	}

	private static String attribute(String attributes, String name) {
		var match = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(attributes);
		return match.find() ? match.group(1).replace("&amp;", "&").replace("&quot;", "\"") : "";
	}

	private static String encode(String value) {
		return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static void pause() {
		try {
			Thread.sleep(25);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
