package io.morsel.identity;

import static io.morsel.identity.AccessMatrixTests.Who.ADMIN;
import static io.morsel.identity.AccessMatrixTests.Who.AUTHOR;
import static io.morsel.identity.AccessMatrixTests.Who.LEARNER;
import static io.morsel.identity.AccessMatrixTests.Who.MANAGER;
import static io.morsel.identity.AccessMatrixTests.Who.SIGNED_OUT;
import static io.morsel.support.Csrf.csrf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import io.morsel.MorselIntegrationTest;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may reach what: every endpoint Spring MVC maps, for every role, for the API's read-only and full tokens, and
 * signed out, against one table ({@link #PAGES}, {@link #API}). A new endpoint without a row fails the test, naming
 * it; so does a row whose endpoint is gone.
 *
 * <p>Each cell is one request, by a member who holds that one role in an organisation of the test's own (so the writes
 * the table lets through change nothing another test reads). Path variables are a made-up id. Write bodies are empty,
 * except where the handler judges the body before the role ({@link #BODIES}, {@link #UPLOADS}): there an empty body
 * would earn every role the same 400 and hide a 403. A cell reads:
 * <ul>
 * <li><b>allowed</b>: neither 401, nor 403, nor a redirect to sign-in, nor a 5xx. A 400, 404, 405 or 415 about the
 * made-up id or the empty body counts: access was granted before the request itself was judged.</li>
 * <li><b>403</b>: refused for the role (or the scope).</li>
 * <li><b>sign in</b>: the API answers 401; a page redirects to the sign-in form.</li>
 * </ul>
 * A read-only token reads what a full token of the same role reads, and every write it sends is refused with 403,
 * except to an endpoint open to anyone, which it reaches as anyone does.
 *
 * <p>Every refused cell is sent a second time with a malformed body (the API: JSON cut off in the middle; a page: each
 * field its handler reads, filled with a value no number, id or choice accepts), and must be refused the same way:
 * the role and the scope are judged before the body is read, so a refused caller never learns what was wrong with it.
 */
@MorselIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTests {

	enum Who {
		LEARNER, AUTHOR, MANAGER, ADMIN, SIGNED_OUT
	}

	enum Outcome {
		ALLOWED, FORBIDDEN, SIGN_IN
	}

	private static final Set<Who> ANYONE = EnumSet.allOf(Who.class);

	private static final Set<Who> MEMBERS = EnumSet.of(LEARNER, AUTHOR, MANAGER, ADMIN);

	private static final String PASSWORD = "matrix-password-1";

	/**
	 * Not the product's endpoints: web's test-only ones (TestOnlyEndpoints), and Spring Boot's error page, which shows
	 * the status of the request forwarded to it, and 500 when requested itself. Nor the sign-in's busy page, which
	 * anyone reaches and which answers 503 by design (identity's PasswordHashing sends a sign-in there when it is full).
	 */
	private static final Pattern NOT_IN_THE_TABLE = Pattern
		.compile("/error|(/api/v1)?/test-only/.*|/sign-in/busy");

	/**
	 * Bodies for the writes whose handler reads a valid body before it asks for the role: with an empty one, every
	 * role would get the same 400 and the row would say nothing. {@code MADE_UP} is the made-up id.
	 */
	private static final Map<String, String> BODIES = Map.ofEntries(
			Map.entry("POST /api/v1/lessons", keyboardLesson()),
			Map.entry("PUT /api/v1/lessons/{id}/draft", keyboardLesson()),
			Map.entry("POST /api/v1/programs", """
					{"slug": "matrix", "title": "Matrix", "outcome": "Reach it.", "selfEnrol": true, "lessons": ["MADE_UP"]}"""),
			Map.entry("PUT /api/v1/programs/{id}", """
					{"title": "Matrix", "outcome": "Reach it.", "selfEnrol": true, "lessons": ["MADE_UP"]}"""),
			Map.entry("PUT /api/v1/programs/{id}/modules", "{\"modules\": []}"),
			Map.entry("POST /api/v1/skills", "{\"name\": \"Matrix skill\"}"),
			Map.entry("PUT /api/v1/skills/{id}", "{\"name\": \"Matrix skill\"}"),
			Map.entry("POST /api/v1/skills/{id}/merge", "{\"into\": \"MADE_UP\"}"),
			Map.entry("POST /api/v1/achievements", """
					{"name": "Matrix", "description": "Reached.", "criteria": "Reach it.", "skills": [],
					 "achievements": [], "alignments": []}"""),
			Map.entry("POST /api/v1/credentials", """
					{"member": "MADE_UP", "achievement": "MADE_UP", "reason": "Matrix"}"""),
			Map.entry("POST /api/v1/credentials/{id}/revocation", "{\"reason\": \"Matrix\"}"),
			Map.entry("POST /api/v1/credentials/{id}/suspension", "{\"reason\": \"Matrix\"}"),
			Map.entry("POST /api/v1/segmentations", "{\"transcript\": \"Tag every deal. Then close it.\"}"),
			Map.entry("POST /api/v1/segmentations/drafts", """
					{"transcript": "Tag every deal. Then close it.",
					 "segments": [{"firstSentence": 0, "sentenceCount": 1}]}"""));

	/** A body no handler could read: JSON that stops in the middle. */
	private static final String MALFORMED_JSON = "{\"malformed\": ";

	/** A form value that is no number, id, date, time zone or choice (and no control character, refused before all). */
	private static final String MALFORMED_FIELD = "not a value";

	/** Writes that take a file: they are sent one, so that the handler reaches the question of the role. */
	private static final Set<String> UPLOADS = Set.of("POST /api/v1/media", "POST /studio/import");

	/** The pages (everything outside /api): who is let through; every other role gets 403, signed out signs in. */
	private static final Map<String, Set<Who>> PAGES = table(
		"GET /", MEMBERS,
		"GET /achievements", MEMBERS,
		"GET /achievements/profile", MEMBERS,
		"GET /admin", ADMIN,
		"GET /admin/authoring", ADMIN,
		"GET /admin/people/import", ADMIN,
		"GET /admin/reinforcement/optimizer", ADMIN,
		"GET /admin/tokens", ADMIN,
		"GET /admin/video-providers", ADMIN,
		"GET /admin/brand", ADMIN,
		"GET /brand/{slug}/logo", MEMBERS,
		// bench/run's reference endpoints: open, and 404 outside the bench profile (BenchEndpointsTests).
		"GET /bench/hello", ANYONE,
		"GET /bench/row", ANYONE,
		"GET /catalog", MEMBERS,
		"GET /covers/lessons/{id}/{version}", MEMBERS,
		"GET /covers/programs/{id}", MEMBERS,
		"GET /channels/answers/{token}", ANYONE,
		"GET /credentials/achievements/{id}/image.svg", ANYONE,
		"GET /credentials/issuers/{slug}", ANYONE,
		"GET /credentials/issuers/{slug}/did.json", ANYONE,
		"GET /credentials/issuers/{slug}/jwks.json", ANYONE,
		"GET /credentials/status/{id}", ANYONE,
		"GET /credentials/{id}", ANYONE,
		"GET /credentials/{id}/credential.json", ANYONE,
		"GET /credentials/{id}/credential.jwt", ANYONE,
		"GET /credentials/{id}/credential.png", ANYONE,
		"GET /credentials/{id}/credential.svg", ANYONE,
		"GET /delivery/channels", ADMIN,
		"GET /delivery/log", ADMIN,
		"GET /delivery/organisation", ADMIN,
		"GET /delivery/rules", MANAGER, ADMIN,
		"GET /delivery/series", MEMBERS,
		"GET /delivery/series/programs/{id}", MEMBERS,
		"GET /delivery/settings", MEMBERS,
		"GET /delivery/topics", MEMBERS,
		"GET /invitations/{secret}", ANYONE,
		"GET /lessons/{id}", MEMBERS,
		"GET /lessons/{id}/practice/{interaction}", MEMBERS,
		"GET /lessons/{id}/preview", MEMBERS,
		"GET /lessons/{id}/preview/practice/{interaction}", MEMBERS,
		"GET /lessons/{lesson}/versions/{version}/transcripts/{index}.vtt", MEMBERS,
		"GET /manifest.webmanifest", ANYONE,
		"GET /media/{id}", MEMBERS,
		"GET /notifications", MEMBERS,
		"GET /notifications/count", MEMBERS,
		"GET /password/forgot", ANYONE,
		"GET /password/reset/{secret}", ANYONE,
		"GET /people", MANAGER, ADMIN,
		"GET /people/{id}", MEMBERS,
		"GET /profile", MEMBERS,
		"GET /profile/data", MEMBERS,
		"GET /profiles/{handle}", ANYONE,
		"GET /programs/{id}", MEMBERS,
		"GET /retention", AUTHOR, ADMIN,
		"GET /review", LEARNER,
		"GET /review/answers/{reviewItemId}", LEARNER,
		"GET /search", MEMBERS,
		"GET /search/suggestions", MEMBERS,
		"GET /sign-in", ANYONE,
		"GET /sign-in/throttled", ANYONE,
		"GET /skills", LEARNER,
		"GET /skills/team", MANAGER, ADMIN,
		"GET /studio", AUTHOR,
		"GET /studio/achievements", AUTHOR,
		"GET /studio/lessons/{id}", AUTHOR,
		"GET /studio/lessons/{id}/export", AUTHOR,
		"GET /studio/programs", AUTHOR,
		"GET /studio/programs/{id}", AUTHOR,
		"GET /studio/recordings", AUTHOR,
		"GET /studio/recordings/{id}", AUTHOR,
		"GET /sw.js", ANYONE,
		"GET /team", MANAGER, ADMIN,
		"GET /team/assign", MANAGER, ADMIN,
		"GET /team/leaderboards", ADMIN,
		"GET /team/people/{id}", MANAGER, ADMIN,
		"GET /team/people/{person}/programs/{program}/removal", MANAGER, ADMIN,
		"GET /team/progress.csv", MANAGER, ADMIN,
		"GET /today", LEARNER,
		"GET /today/goal", LEARNER,
		"GET /today/team", LEARNER,
		"GET /tokens", MEMBERS,
		"GET /unsubscribe/{token}", ANYONE,
		"POST /achievements/profile", MEMBERS,
		"POST /admin/authoring", ADMIN,
		"POST /admin/directory", ADMIN,
		"POST /admin/groups", ADMIN,
		"POST /admin/groups/{id}/managers", ADMIN,
		"POST /admin/groups/{id}/members", ADMIN,
		"POST /admin/groups/{id}/external", ADMIN,
		"POST /admin/partners", ADMIN,
		"POST /admin/invitations", ADMIN,
		"POST /admin/invitations/{id}/resend", ADMIN,
		"POST /admin/invitations/{id}/revoke", ADMIN,
		"POST /admin/people/import", ADMIN,
		"POST /admin/people/import/preview", ADMIN,
		"POST /admin/people/{id}/deactivation", ADMIN,
		"POST /admin/people/{id}/reactivation", ADMIN,
		"POST /admin/people/{id}/removal", ADMIN,
		"POST /admin/people/{id}/roles", ADMIN,
		"POST /admin/reinforcement/optimizer/fit", ADMIN,
		"POST /admin/tokens/policy", ADMIN,
		"POST /admin/tokens/{id}/revoke", ADMIN,
		"POST /admin/video-providers", ADMIN,
		"POST /admin/brand", ADMIN,
		"POST /admin/brand/logo", ADMIN,
		"POST /admin/brand/logo/removal", ADMIN,
		"POST /channels/answers/{token}", ANYONE,
		"POST /delivery/channels", ADMIN,
		"POST /delivery/dead-letters/{id}/replay", ADMIN,
		"POST /delivery/organisation", ADMIN,
		"POST /delivery/rules", MANAGER, ADMIN,
		"POST /delivery/rules/{id}/removal", MANAGER, ADMIN,
		"POST /delivery/series/programs/{id}", MEMBERS,
		"POST /delivery/series/{id}/leave", MEMBERS,
		"POST /delivery/series/{id}/pause", MEMBERS,
		"POST /delivery/series/{id}/resume", MEMBERS,
		"POST /delivery/settings", MEMBERS,
		"POST /delivery/settings/channels", MEMBERS,
		"POST /delivery/topics/{skill}", MEMBERS,
		"POST /invitations/{secret}", ANYONE,
		"POST /lessons/{id}/answers/{interaction}", MEMBERS,
		"POST /lessons/{id}/finish", MEMBERS,
		"POST /lessons/{id}/practice/{interaction}", MEMBERS,
		"POST /lessons/{id}/preview/answers/{interaction}", MEMBERS,
		"POST /lessons/{id}/preview/finish", MEMBERS,
		"POST /lessons/{id}/preview/restart", MEMBERS,
		"POST /lessons/{id}/retake", MEMBERS,
		"POST /notifications/read", MEMBERS,
		"POST /notifications/{id}/open", MEMBERS,
		"POST /organisation", MEMBERS,
		"POST /password/forgot", ANYONE,
		"POST /password/reset/{secret}", ANYONE,
		"POST /profile", MEMBERS,
		"POST /profile/developer-items", MEMBERS,
		"POST /profile/password", MEMBERS,
		"POST /programs/{id}/enrolment", MEMBERS,
		"POST /retention", ADMIN,
		"POST /retention/programs/{id}", AUTHOR, ADMIN,
		"POST /review/answers", LEARNER,
		"POST /studio/achievements", AUTHOR,
		"POST /studio/achievements/{id}/image", AUTHOR,
		"POST /studio/import", AUTHOR,
		"POST /studio/lessons", AUTHOR,
		"POST /studio/lessons/{id}/archive", AUTHOR,
		"POST /studio/lessons/{id}/blocks", AUTHOR,
		"POST /studio/lessons/{id}/blocks/order", AUTHOR,
		"POST /studio/lessons/{id}/cover", AUTHOR,
		"POST /studio/lessons/{id}/cover/removal", AUTHOR,
		"POST /studio/lessons/{id}/blocks/{index}", AUTHOR,
		"POST /studio/lessons/{id}/blocks/{index}/delete", AUTHOR,
		"POST /studio/lessons/{id}/blocks/{index}/duplicate", AUTHOR,
		"POST /studio/lessons/{id}/blocks/{index}/move", AUTHOR,
		"POST /studio/lessons/{id}/delete", AUTHOR,
		"POST /studio/lessons/{id}/details", AUTHOR,
		"POST /studio/lessons/{id}/duplicate", AUTHOR,
		"POST /studio/lessons/{id}/publish", AUTHOR,
		"POST /studio/lessons/{id}/restore", AUTHOR,
		"POST /studio/lessons/{id}/unpublish", AUTHOR,
		"POST /studio/objectives/check", AUTHOR,
		"POST /studio/programs", AUTHOR,
		"POST /studio/programs/{id}/archive", AUTHOR,
		"POST /studio/programs/{id}/cover", AUTHOR,
		"POST /studio/programs/{id}/cover/removal", AUTHOR,
		"POST /studio/programs/{id}/delete", AUTHOR,
		"POST /studio/programs/{id}/details", AUTHOR,
		"POST /studio/programs/{id}/lessons", AUTHOR,
		"POST /studio/programs/{id}/lessons/{lesson}/move", AUTHOR,
		"POST /studio/programs/{id}/lessons/{lesson}/remove", AUTHOR,
		"POST /studio/programs/{id}/modules", AUTHOR,
		"POST /studio/programs/{id}/modules/suggested", AUTHOR,
		"POST /studio/programs/{id}/modules/{lesson}/end", AUTHOR,
		"POST /studio/programs/{id}/publish", AUTHOR,
		"POST /studio/programs/{id}/restore", AUTHOR,
		"POST /studio/programs/{id}/unpublish", AUTHOR,
		"POST /studio/recordings", AUTHOR,
		"POST /studio/recordings/{id}/cuts", AUTHOR,
		"POST /studio/recordings/{id}/cuts/{segment}", AUTHOR,
		"POST /studio/recordings/{id}/cuts/{segment}/remove", AUTHOR,
		"POST /studio/recordings/{id}/lessons", AUTHOR,
		"POST /studio/skills", AUTHOR,
		"POST /team/assignments", MANAGER, ADMIN,
		"POST /team/leaderboards", ADMIN,
		"POST /team/people/{person}/programs/{program}/removal", MANAGER, ADMIN,
		"POST /team/programs/{id}/reminders", MANAGER, ADMIN,
		"POST /today/goal", LEARNER,
		"POST /today/team/membership", LEARNER,
		"POST /today/team/membership/removal", LEARNER,
		"POST /tokens", MEMBERS,
		"POST /tokens/{id}/revoke", MEMBERS,
		"POST /unsubscribe/{token}", ANYONE);

	/** The API: who is let through with a full token; every other role gets 403, no token 401. */
	private static final Map<String, Set<Who>> API = table(
		"DELETE /api/v1/credentials/{id}/suspension", ADMIN,
		"DELETE /api/v1/delivery/series/{programId}", MEMBERS,
		"DELETE /api/v1/delivery/topics/{skillId}", MEMBERS,
		"DELETE /api/v1/invitations/{id}", ADMIN,
		"DELETE /api/v1/lessons/{id}", AUTHOR,
		"DELETE /api/v1/lessons/{id}/draft/cover", AUTHOR,
		"DELETE /api/v1/organisation/tokens/{id}", ADMIN,
		"DELETE /api/v1/organisation/brand/logo", ADMIN,
		"DELETE /api/v1/people/{id}/deactivation", ADMIN,
		"DELETE /api/v1/people/{id}/membership", ADMIN,
		"DELETE /api/v1/programs/{id}", AUTHOR,
		"DELETE /api/v1/programs/{id}/cover", AUTHOR,
		"DELETE /api/v1/team/people/{memberId}/programs/{programId}", MANAGER, ADMIN,
		"DELETE /api/v1/tokens/{id}", MEMBERS,
		"DELETE /api/v1/trigger-rules/{id}", MANAGER, ADMIN,
		"GET /api/docs", ANYONE,
		"GET /api/docs.yaml", ANYONE,
		"GET /api/docs/swagger-config", ANYONE,
		"GET /api/docs/ui", ANYONE,
		"GET /api/v1/achievements", MEMBERS,
		"GET /api/v1/achievements/{id}", MEMBERS,
		"GET /api/v1/authoring/settings", ADMIN,
		"GET /api/v1/credentials", MEMBERS,
		"GET /api/v1/credentials/issuer-keys", ADMIN,
		"GET /api/v1/credentials/{id}", MEMBERS,
		"GET /api/v1/delivery/cadence", ADMIN,
		"GET /api/v1/delivery/cadence/programs/{id}", ADMIN,
		"GET /api/v1/delivery/channels", ADMIN,
		"GET /api/v1/delivery/dead-letters", ADMIN,
		"GET /api/v1/delivery/my-channels", MEMBERS,
		"GET /api/v1/delivery/series", MEMBERS,
		"GET /api/v1/delivery/topics", MEMBERS,
		"GET /api/v1/delivery/topics/lessons", MEMBERS,
		"GET /api/v1/invitations", ADMIN,
		"GET /api/v1/groups", ADMIN,
		"GET /api/v1/groups/{id}", ADMIN,
		"GET /api/v1/organisation/partners", ADMIN,
		"GET /api/v1/lessons", MEMBERS,
		"GET /api/v1/lessons/{id}", MEMBERS,
		"GET /api/v1/lessons/{id}/draft", AUTHOR,
		"GET /api/v1/lessons/{id}/export", AUTHOR,
		"GET /api/v1/me", MEMBERS,
		"GET /api/v1/me/data", MEMBERS,
		"GET /api/v1/media/{id}", MEMBERS,
		"GET /api/v1/organisation/directory", ADMIN,
		"GET /api/v1/organisation/brand", ADMIN,
		"GET /api/v1/organisation/token-policy", ADMIN,
		"GET /api/v1/organisation/tokens", ADMIN,
		"GET /api/v1/people", MANAGER, ADMIN,
		"GET /api/v1/people/{id}", MEMBERS,
		"GET /api/v1/programs", MEMBERS,
		"GET /api/v1/programs/{id}", MEMBERS,
		"GET /api/v1/programs/{id}/modules", AUTHOR,
		"GET /api/v1/programs/{id}/progress", MEMBERS,
		"GET /api/v1/progress", MEMBERS,
		"GET /api/v1/reinforcement/mastery-thresholds", ADMIN,
		"GET /api/v1/reinforcement/programs/{programId}/retention", AUTHOR, ADMIN,
		"GET /api/v1/reinforcement/review", LEARNER,
		"GET /api/v1/reinforcement/settings", ADMIN,
		"GET /api/v1/reinforcement/skills", MEMBERS,
		"GET /api/v1/search", MEMBERS,
		"GET /api/v1/search/synonyms", ADMIN,
		"GET /api/v1/skills", MEMBERS,
		"GET /api/v1/team/people/{id}", MANAGER, ADMIN,
		"GET /api/v1/team/progress", MANAGER, ADMIN,
		"GET /api/v1/tokens", MEMBERS,
		"GET /api/v1/trigger-rules", MANAGER, ADMIN,
		"GET /api/v1/triggers/{id}", MANAGER, ADMIN,
		"POST /api/v1/achievements", AUTHOR, ADMIN,
		"POST /api/v1/attempts", MEMBERS,
		"POST /api/v1/channels/slack/{organisation}/interactions", ANYONE,
		"POST /api/v1/credentials", ADMIN,
		"POST /api/v1/credentials/issuer-keys", ADMIN,
		"POST /api/v1/credentials/verify", ANYONE,
		"POST /api/v1/credentials/{id}/revocation", ADMIN,
		"POST /api/v1/credentials/{id}/suspension", ADMIN,
		"POST /api/v1/delivery/dead-letters/{id}/replay", ADMIN,
		"POST /api/v1/delivery/series/{programId}/pause", MEMBERS,
		"POST /api/v1/delivery/series/{programId}/resume", MEMBERS,
		"POST /api/v1/invitations", ADMIN,
		"POST /api/v1/groups", ADMIN,
		"POST /api/v1/invitations/{id}/resend", ADMIN,
		"POST /api/v1/lessons", AUTHOR,
		"POST /api/v1/lessons/{id}/archive", AUTHOR,
		"POST /api/v1/lessons/{id}/duplicate", AUTHOR,
		"POST /api/v1/lessons/{id}/publish", AUTHOR,
		"POST /api/v1/lessons/{id}/restore", AUTHOR,
		"POST /api/v1/lessons/{id}/retakes", MEMBERS,
		"POST /api/v1/lessons/{id}/unpublish", AUTHOR,
		"POST /api/v1/media", AUTHOR,
		"POST /api/v1/objectives/check", AUTHOR,
		"POST /api/v1/people/{id}/deactivation", ADMIN,
		"POST /api/v1/people/{id}/erasure", ADMIN,
		"POST /api/v1/programs", AUTHOR,
		"POST /api/v1/programs/{id}/archive", AUTHOR,
		"POST /api/v1/programs/{id}/assignments", MANAGER, ADMIN,
		"POST /api/v1/programs/{id}/enrolment", MEMBERS,
		"POST /api/v1/programs/{id}/publish", AUTHOR,
		"POST /api/v1/programs/{id}/restore", AUTHOR,
		"POST /api/v1/programs/{id}/unpublish", AUTHOR,
		"POST /api/v1/reinforcement/reviews", LEARNER,
		"POST /api/v1/reinforcement/simulate", ADMIN,
		"POST /api/v1/search/rebuild", ADMIN,
		"POST /api/v1/segmentations", AUTHOR,
		"POST /api/v1/segmentations/drafts", AUTHOR,
		"POST /api/v1/skills", AUTHOR, ADMIN,
		"POST /api/v1/skills/{id}/merge", AUTHOR, ADMIN,
		"POST /api/v1/team/programs/{id}/reminders", MANAGER, ADMIN,
		"POST /api/v1/tokens", ANYONE,
		"POST /api/v1/trigger-rules", MANAGER, ADMIN,
		"POST /api/v1/triggers", MANAGER, ADMIN,
		"POST /api/v1/unsubscribe/{token}", ANYONE,
		"PUT /api/v1/achievements/{id}/image", AUTHOR, ADMIN,
		"PUT /api/v1/authoring/settings", ADMIN,
		"PUT /api/v1/delivery/cadence", ADMIN,
		"PUT /api/v1/delivery/cadence/programs/{id}", ADMIN,
		"PUT /api/v1/delivery/channels", ADMIN,
		"PUT /api/v1/delivery/my-channels", MEMBERS,
		"PUT /api/v1/delivery/series/{programId}", MEMBERS,
		"PUT /api/v1/delivery/topics/{skillId}", MEMBERS,
		"PUT /api/v1/lessons/{id}/draft", AUTHOR,
		"PUT /api/v1/lessons/{id}/draft/cover", AUTHOR,
		"PUT /api/v1/organisation/directory", ADMIN,
		"PUT /api/v1/organisation/partners", ADMIN,
		"PUT /api/v1/groups/{id}/external", ADMIN,
		"PUT /api/v1/groups/{id}/members", ADMIN,
		"PUT /api/v1/organisation/brand", ADMIN,
		"PUT /api/v1/organisation/brand/logo", ADMIN,
		"PUT /api/v1/organisation/token-policy", ADMIN,
		"PUT /api/v1/programs/{id}", AUTHOR,
		"PUT /api/v1/programs/{id}/cover", AUTHOR,
		"PUT /api/v1/programs/{id}/modules", AUTHOR,
		"PUT /api/v1/reinforcement/mastery-thresholds", ADMIN,
		"PUT /api/v1/reinforcement/programs/{programId}/retention", AUTHOR, ADMIN,
		"PUT /api/v1/reinforcement/settings", ADMIN,
		"PUT /api/v1/search/synonyms", ADMIN,
		"PUT /api/v1/skills/{id}", AUTHOR, ADMIN);

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	Directory directory;

	@Autowired
	JsonMapper json;

	private final String madeUpId = UUID.randomUUID().toString();

	private final Map<Who, CurrentMember> members = new EnumMap<>(Who.class);

	private final Map<Who, String> fullTokens = new EnumMap<>(Who.class);

	private final Map<Who, String> readOnlyTokens = new EnumMap<>(Who.class);

	private String slug;

	@BeforeAll
	void anOrganisationWithOneMemberPerRole() throws Exception {
		var organisation = UUID.randomUUID();
		slug = "matrix-" + organisation.toString().substring(0, 8);
		jdbc.sql("INSERT INTO organisations (id, slug, name, created_at) VALUES (?, ?, ?, ?)")
			.params(organisation, slug, "Matrix " + slug, OffsetDateTime.now()).update();
		for (var who : MEMBERS) {
			var member = join(organisation, who.name().toLowerCase(), who.name());
			members.put(who, member);
			fullTokens.put(who, token(member.email(), false));
			readOnlyTokens.put(who, token(member.email(), true));
		}
	}

	private CurrentMember join(UUID organisation, String name, String role) {
		var email = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@" + slug + ".test";
		var user = UUID.randomUUID();
		var membership = UUID.randomUUID();
		var now = OffsetDateTime.now();
		jdbc.sql("""
				INSERT INTO users (id, email, name, password_hash, time_zone, language, created_at)
				VALUES (?, ?, ?, ?, 'UTC', 'en', ?)""")
			.params(user, email, "Matrix " + name, passwords.encode(PASSWORD), now).update();
		jdbc.sql("INSERT INTO memberships (id, organisation_id, user_id, joined_at) VALUES (?, ?, ?, ?)")
			.params(membership, organisation, user, now).update();
		jdbc.sql("INSERT INTO membership_roles (membership_id, role) VALUES (?, ?)").params(membership, role).update();
		return directory.member(email, slug).orElseThrow();
	}

	@Test
	void managerReachingAPersonOutsideTheirGroupsGetsWhatAMissingPersonGets() throws Exception {
		var organisation = members.get(ADMIN).organisationId().value();
		var insider = join(organisation, "insider", "LEARNER");
		var outsider = join(organisation, "outsider", "LEARNER");
		Teams.lookAfter(mvc, directory, members.get(ADMIN), members.get(MANAGER), insider);
		var manager = fullTokens.get(MANAGER);

		for (var api : List.of("/api/v1/people/", "/api/v1/team/people/")) {
			var seen = mvc.perform(get(api + insider.memberId().value()).header("Authorization", "Bearer " + manager))
				.andReturn().getResponse();
			var hidden = mvc.perform(get(api + outsider.memberId().value()).header("Authorization", "Bearer " + manager))
				.andReturn().getResponse();
			var missing = mvc.perform(get(api + madeUpId).header("Authorization", "Bearer " + manager))
				.andReturn().getResponse();

			assertThat(seen.getStatus()).as("%s of a person in the manager's group", api).isEqualTo(200);
			assertThat(hidden.getStatus()).as("%s of a person outside the manager's groups", api).isEqualTo(404);
			assertThat(missing.getStatus()).as("%s of a missing person", api).isEqualTo(404);
			assertThat(problem(hidden)).as("%s tells an outsider from a missing person apart by nothing", api)
				.isEqualTo(problem(missing));
			assertThat(hidden.getContentAsString()).doesNotContain(outsider.email()).doesNotContain("outsider");
		}
		var seen = mvc.perform(get("/team/people/" + insider.memberId().value()).with(SignedIn.as(members.get(MANAGER))))
			.andReturn().getResponse();
		var hidden = mvc.perform(get("/team/people/" + outsider.memberId().value())
			.with(SignedIn.as(members.get(MANAGER)))).andReturn().getResponse();
		var missing = mvc.perform(get("/team/people/" + madeUpId).with(SignedIn.as(members.get(MANAGER))))
			.andReturn().getResponse();

		assertThat(seen.getStatus()).as("the team page of a person in the manager's group").isEqualTo(200);
		assertThat(seen.getContentAsString()).contains("Matrix insider");
		assertThat(hidden.getStatus()).as("the team page of a person outside the manager's groups").isEqualTo(404);
		assertThat(missing.getStatus()).as("the team page of a missing person").isEqualTo(404);
		assertThat(hidden.getContentAsString()).doesNotContain("Matrix outsider").doesNotContain(outsider.email());
	}

	/**
	 * Where a handler finds the thing first and judges the member after, a made-up id answers 404 to everyone: these
	 * rows use the demo organisation's own content and people, and pin the exact status for the learner, author,
	 * manager and admin of Acme, in that order. Reads only: the demo organisation is shared with other tests.
	 */
	private static final Map<String, List<Integer>> DEMO_CONTENT = Map.ofEntries(
			Map.entry("GET /lessons/{lesson}", List.of(200, 200, 200, 200)),
			Map.entry("GET /programs/{program}", List.of(200, 200, 200, 200)),
			Map.entry("GET /studio/lessons/{lesson}", List.of(403, 200, 403, 403)),
			// Everyone sees themselves; the demo learner is in the demo manager's group, the author is not.
			Map.entry("GET /people/{learner}", List.of(200, 404, 200, 200)),
			Map.entry("GET /people/{author}", List.of(404, 200, 404, 200)),
			Map.entry("GET /team/people/{learner}", List.of(403, 403, 200, 200)),
			Map.entry("GET /team/people/{author}", List.of(403, 403, 404, 200)),
			Map.entry("GET /api/v1/lessons/{lesson}", List.of(200, 200, 200, 200)),
			Map.entry("GET /api/v1/lessons/{lesson}/draft", List.of(403, 200, 403, 403)),
			Map.entry("GET /api/v1/programs/{program}", List.of(200, 200, 200, 200)),
			Map.entry("GET /api/v1/programs/{program}/progress", List.of(200, 200, 200, 200)),
			Map.entry("GET /api/v1/people/{learner}", List.of(200, 404, 200, 200)),
			Map.entry("GET /api/v1/people/{author}", List.of(404, 200, 404, 200)),
			Map.entry("GET /api/v1/team/people/{learner}", List.of(403, 403, 200, 200)),
			Map.entry("GET /api/v1/team/people/{author}", List.of(403, 403, 404, 200)));

	@Test
	void withTheDemoOrganisationsContentEachRoleGetsExactlyItsStatus() throws Exception {
		var program = jdbc.sql("""
				SELECT p.id FROM programs p JOIN organisations o ON o.id = p.organisation_id
				WHERE o.slug = 'acme' AND p.slug = 'get-started'""").query(UUID.class).single();
		var lesson = jdbc.sql("""
				SELECT lesson_id FROM program_lessons WHERE program_id = ? ORDER BY position LIMIT 1""")
			.params(program).query(UUID.class).single();
		var demo = new LinkedHashMap<Who, CurrentMember>();
		var tokens = new EnumMap<Who, String>(Who.class);
		for (var who : MEMBERS) {
			var email = who.name().toLowerCase() + "@acme.test";
			demo.put(who, directory.member(email, "acme").orElseThrow());
			var answer = mvc.perform(request(HttpMethod.POST, "/api/v1/tokens").contentType(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsString(Map.of("email", email, "password", "morsel-demo", "organisation",
						"acme", "name", "matrix", "expiresInDays", 1))))
				.andReturn().getResponse();
			tokens.put(who, json.readTree(answer.getContentAsString()).path("token").asString());
		}
		var ids = Map.of("{lesson}", lesson.toString(), "{program}", program.toString(), "{learner}",
				demo.get(LEARNER).memberId().value().toString(), "{author}",
				demo.get(AUTHOR).memberId().value().toString());
		var actual = new TreeMap<String, List<Integer>>();
		for (var endpoint : DEMO_CONTENT.keySet()) {
			var path = endpoint.substring(endpoint.indexOf(' ') + 1);
			for (var id : ids.entrySet()) {
				path = path.replace(id.getKey(), id.getValue());
			}
			var statuses = new ArrayList<Integer>();
			for (var who : MEMBERS) {
				var request = get(path);
				if (isApi(endpoint)) {
					request.header("Authorization", "Bearer " + tokens.get(who));
				}
				else {
					request.with(SignedIn.as(demo.get(who)));
				}
				statuses.add(mvc.perform(request).andReturn().getResponse().getStatus());
			}
			actual.put(endpoint, statuses);
		}

		assertThat(actual).isEqualTo(new TreeMap<>(DEMO_CONTENT));
	}

	/** A problem detail without the address it was about. */
	private Map<String, Object> problem(MockHttpServletResponse response) throws Exception {
		@SuppressWarnings("unchecked")
		Map<String, Object> problem = json.readValue(response.getContentAsString(), Map.class);
		problem.remove("instance");
		return problem;
	}

	@Test
	void everyEndpointHasARowAndEveryRowAnEndpoint() {
		var endpoints = endpoints();
		var missing = new TreeSet<String>();
		endpoints.stream().filter(e -> !table(e).containsKey(e)).forEach(missing::add);
		var stale = new TreeSet<String>();
		Stream.concat(PAGES.keySet().stream(), API.keySet().stream())
			.filter(row -> !endpoints.contains(row))
			.forEach(stale::add);

		assertThat(missing).as("endpoints without a row in the access table; add one stating who may reach them")
			.isEmpty();
		assertThat(stale).as("rows whose endpoint is gone").isEmpty();
	}

	@TestFactory
	Stream<DynamicTest> eachRoleAndScopeGetsWhatTheTableSays() {
		return endpoints().stream()
			.filter(endpoint -> table(endpoint).containsKey(endpoint))
			.map(endpoint -> DynamicTest.dynamicTest(endpoint, () -> assertCells(endpoint)));
	}

	/**
	 * Every cell of one row, compared at once, so that a failure shows the whole row. A refused cell is sent twice: with
	 * the usual body and with a malformed one ({@link Body#MALFORMED}), which must be refused the same way, since the
	 * role (or the scope) is judged before the body is read.
	 */
	private void assertCells(String endpoint) throws Exception {
		var allowed = table(endpoint).get(endpoint);
		var row = new Row(endpoint);
		for (var who : Who.values()) {
			var outcome = who == SIGNED_OUT ? (allowed.contains(SIGNED_OUT) ? Outcome.ALLOWED : Outcome.SIGN_IN)
					: allowed.contains(who) ? Outcome.ALLOWED : Outcome.FORBIDDEN;
			if (isApi(endpoint) && who != SIGNED_OUT) {
				row.cell(who, who + " full", fullTokens.get(who), outcome);
				row.cell(who, who + " read-only", readOnlyTokens.get(who),
						isRead(endpoint) || allowed.contains(SIGNED_OUT) ? outcome : Outcome.FORBIDDEN);
			}
			else {
				row.cell(who, who.name(), null, outcome);
			}
		}
		assertThat(row.actual).as("%s, statuses %s", endpoint, row.statuses).isEqualTo(row.expected);
	}

	/** What a cell sends: the body that lets an allowed role reach the handler, or one no handler could read. */
	enum Body {
		USUAL, MALFORMED
	}

	/** The cells of one row: what each should get, what it got, and its status. */
	private final class Row {

		private final String endpoint;

		private final Map<String, Outcome> expected = new LinkedHashMap<>();

		private final Map<String, Outcome> actual = new LinkedHashMap<>();

		private final Map<String, Integer> statuses = new LinkedHashMap<>();

		Row(String endpoint) {
			this.endpoint = endpoint;
		}

		void cell(Who who, String name, String token, Outcome outcome) throws Exception {
			record(name, outcome, send(endpoint, who, token, Body.USUAL));
			if (outcome != Outcome.ALLOWED) {
				record(name + " malformed", outcome, send(endpoint, who, token, Body.MALFORMED));
			}
		}

		private void record(String cell, Outcome outcome, MvcResult result) {
			var status = result.getResponse().getStatus();
			expected.put(cell, outcome);
			statuses.put(cell, status);
			assertThat(status).as("%s as %s answers no server error", endpoint, cell).isLessThan(500);
			actual.put(cell, outcome(result));
		}
	}

	private static Outcome outcome(MvcResult result) {
		var response = result.getResponse();
		var location = response.getHeader("Location");
		if (response.getStatus() == 401 || (response.getStatus() / 100 == 3 && location != null
				&& location.replaceFirst("\\?.*", "").endsWith("/sign-in"))) {
			return Outcome.SIGN_IN;
		}
		return response.getStatus() == 403 ? Outcome.FORBIDDEN : Outcome.ALLOWED;
	}

	private MvcResult send(String endpoint, Who who, String token, Body body) throws Exception {
		var space = endpoint.indexOf(' ');
		var method = HttpMethod.valueOf(endpoint.substring(0, space));
		var path = endpoint.substring(space + 1)
			.replaceAll("\\{\\*?[^}]*}", madeUpId)
			.replace("**", "x")
			.replace("*", "x");
		var upload = UPLOADS.contains(endpoint) && body == Body.USUAL;
		AbstractMockHttpServletRequestBuilder<?> request = upload
				? multipart(method, path).file(new MockMultipartFile("file", "matrix.json", "application/json",
						keyboardLesson().getBytes(StandardCharsets.UTF_8)))
				: request(method, path);
		if (isApi(endpoint)) {
			if (token != null) {
				request.header("Authorization", "Bearer " + token);
			}
			if (body == Body.MALFORMED) {
				request.contentType(MediaType.APPLICATION_JSON).content(MALFORMED_JSON);
			}
			else if (Set.of("PUT /api/v1/achievements/{id}/image", "PUT /api/v1/programs/{id}/cover",
					"PUT /api/v1/lessons/{id}/draft/cover").contains(endpoint)) {
				request.contentType(MediaType.IMAGE_PNG).content(new byte[] { 1, 2, 3 });
			}
			else if (!isRead(endpoint) && !upload) {
				request.contentType(MediaType.APPLICATION_JSON)
					.content(BODIES.getOrDefault(endpoint, "{}").replace("MADE_UP", madeUpId));
			}
		}
		else {
			if (who != SIGNED_OUT) {
				request.with(SignedIn.as(members.get(who)));
			}
			if (!isRead(endpoint)) {
				request.with(csrf());
			}
			if (body == Body.MALFORMED) {
				formFields(endpoint).forEach(field -> request.param(field, MALFORMED_FIELD));
			}
		}
		try {
			return mvc.perform(request).andReturn();
		}
		catch (ServletException e) {
			throw new AssertionError(endpoint + " as " + who + " answers a server error", e);
		}
	}

	/**
	 * The names of the form fields and request parameters a page's handler reads, so that a malformed form can fill
	 * each with a value no number, id, date or choice accepts.
	 */
	private Set<String> formFields(String endpoint) {
		var fields = new TreeSet<String>();
		var handler = handlers().get(endpoint);
		for (var parameter : handler.getMethodParameters()) {
			var type = parameter.getParameterType();
			var param = parameter.getParameterAnnotation(RequestParam.class);
			if (param != null) {
				fields.add(!param.name().isEmpty() ? param.name() : parameter.getParameterName());
			}
			// A form record: bound from the fields of its components (a principal is annotated, and is no form).
			else if (type.isRecord() && (parameter.getParameterAnnotations().length == 0
					|| parameter.hasParameterAnnotation(ModelAttribute.class))) {
				for (var component : type.getRecordComponents()) {
					fields.add(component.getName());
				}
			}
		}
		return fields;
	}

	private String token(String email, boolean readOnly) throws Exception {
		var answer = mvc.perform(request(HttpMethod.POST, "/api/v1/tokens").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("email", email, "password", PASSWORD, "organisation", slug,
					"name", "matrix", "readOnly", readOnly))))
			.andReturn()
			.getResponse();
		assertThat(answer.getStatus()).as("a token for %s: %s", email, answer.getContentAsString()).isEqualTo(201);
		return json.readTree(answer.getContentAsString()).path("token").asString();
	}

	private static String keyboardLesson() {
		try (var in = AccessMatrixTests.class.getResourceAsStream("/catalog/keyboard-lesson.json")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Every mapped method and path, as "GET /api/v1/people"; a mapping for any method counts as GET. */
	private Set<String> endpoints() {
		return new TreeSet<>(handlers().keySet());
	}

	/** The handler of each endpoint, named as {@link #endpoints()} names it. */
	private Map<String, HandlerMethod> handlers() {
		var handlers = new TreeMap<String, HandlerMethod>();
		for (var mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
			mapping.getHandlerMethods().forEach((info, handler) -> {
				var methods = info.getMethodsCondition().getMethods().stream().map(Enum::name).toList();
				for (var pattern : info.getPatternValues()) {
					for (var method : methods.isEmpty() ? List.of("GET") : methods) {
						if (!NOT_IN_THE_TABLE.matcher(pattern).matches()) {
							handlers.put(method + " " + pattern, handler);
						}
					}
				}
			});
		}
		return handlers;
	}

	private static Map<String, Set<Who>> table(String endpoint) {
		return isApi(endpoint) ? API : PAGES;
	}

	private static boolean isApi(String endpoint) {
		var path = endpoint.substring(endpoint.indexOf(' ') + 1);
		return path.startsWith("/api/") || path.equals("/api") || path.startsWith("/actuator");
	}

	private static boolean isRead(String endpoint) {
		return endpoint.startsWith("GET ") || endpoint.startsWith("HEAD ") || endpoint.startsWith("OPTIONS ");
	}

	/** Rows of "METHOD /pattern" followed by who reaches it: roles, {@link #MEMBERS} or {@link #ANYONE}. */
	private static Map<String, Set<Who>> table(Object... rows) {
		var table = new LinkedHashMap<String, Set<Who>>();
		String endpoint = null;
		for (var cell : rows) {
			if (cell instanceof String row) {
				if (table.containsKey(row)) {
					throw new IllegalStateException("Two rows for " + row);
				}
				endpoint = row;
				table.put(row, EnumSet.noneOf(Who.class));
			}
			else if (cell instanceof Who who) {
				table.get(endpoint).add(who);
			}
			else if (cell instanceof Set<?> set) {
				for (var who : set) {
					table.get(endpoint).add((Who) who);
				}
			}
		}
		return table;
	}
}
