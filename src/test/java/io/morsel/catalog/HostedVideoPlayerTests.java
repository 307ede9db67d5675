package io.morsel.catalog;

import static io.morsel.support.Csrf.csrf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.morsel.MorselIntegrationTest;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.identity.FrameOrigins;
import io.morsel.identity.SignedIn;
import io.morsel.support.Api;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * A video block may link a YouTube or Vimeo video, which plays in the provider's privacy-enhanced player with the
 * author's transcript beside it; pages frame only those players and the providers the organisation added.
 */
@MorselIntegrationTest
class HostedVideoPlayerTests {

	private static final String TRANSCRIPT = "WEBVTT\n\n00:00.000 --> 00:04.000\nOpen the deal first.\n\n"
			+ "01:05.000 --> 01:09.000\nThen add the campaign tag.\n";

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Autowired
	JsonMapper json;

	@Autowired
	FrameOrigins frameOrigins;

	@LocalServerPort
	int port;

	CurrentMember author;
	String lesson;

	@BeforeEach
	void createLesson() throws Exception {
		author = directory.member("author@acme.test", "acme").orElseThrow();
		var created = mvc.perform(post("/studio/lessons").with(SignedIn.as(author)).with(csrf())
			.param("title", "Tag a deal " + UUID.randomUUID())
			.param("objective", "Tag a deal with its launch campaign in the CRM.").param("minutes", "3")
			.param("text", "Every launch deal carries the campaign tag.")).andReturn().getResponse();
		lesson = created.getRedirectedUrl();
	}

	@Test
	void youTubeAndVimeoLinksPlayInTheirPrivacyEnhancedPlayersBesideTheTranscript() throws Exception {
		addVideo(author, "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s", "Tagging on YouTube");
		addVideo(author, "https://vimeo.com/76979871", "Tagging on Vimeo");

		var preview = page(author, preview()).getContentAsString();

		assertThat(preview)
			.contains("<iframe src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ\" title=\"Tagging on YouTube\"")
			.contains("<iframe src=\"https://player.vimeo.com/video/76979871?dnt=1\" title=\"Tagging on Vimeo\"")
			.doesNotContain("www.youtube.com/watch", "<video")
			.contains("Open the deal first.", "1:05", "Then add the campaign tag.")
			.contains("the transcript does not follow it: read along by the times");
	}

	@Test
	void linksThatNameNoVideoAreRefusedWithTheReasonInTheStudioAndTheApi() throws Exception {
		var refused = addVideo(author, "https://www.youtube.com/watch?v=short", "Broken");
		var elsewhere = addVideo(author, "https://videos-" + UUID.randomUUID() + ".example/watch/1", "Elsewhere");
		var api = Api.on(port);
		var token = api.token("author@acme.test", "acme");
		var plain = api.post(token, "/api/v1/lessons", lessonWithVideo("http://vimeo.com/76979871"));
		var channel = api.post(token, "/api/v1/lessons", lessonWithVideo("https://vimeo.com/channels/staffpicks"));

		assertThat(refused).contains("class=\"error\"", "This YouTube link names no video");
		assertThat(elsewhere).contains("cannot play in your organisation&#39;s lessons");
		assertThat(plain.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(json.readTree(plain.getBody()).get("detail").asString()).contains("must be an https:// address");
		assertThat(channel.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(json.readTree(channel.getBody()).get("detail").asString()).contains("This Vimeo link names no video");
		assertThat(page(author, preview()).getContentAsString()).doesNotContain("<iframe");
	}

	@Test
	void eachOrganisationsPagesMayFrameOnlyTheBuiltInPlayersAndTheProvidersItAdded() throws Exception {
		var admin = directory.member("admin@acme.test", "acme").orElseThrow();
		var learner = directory.member("learner@acme.test", "acme").orElseThrow();
		var globexLearner = directory.member("learner@globex.test", "globex").orElseThrow();
		var provider = "https://videos-" + UUID.randomUUID() + ".acme.example";

		var saved = mvc.perform(post("/admin/video-providers").with(SignedIn.as(admin)).with(csrf())
			.param("origins", provider + "/\n\nhttps://player.vimeo.com")).andReturn().getResponse();

		assertThat(saved.getRedirectedUrl()).isEqualTo("/admin/video-providers");
		assertThat(page(admin, "/admin/video-providers").getContentAsString()).contains(provider);
		assertThat(frameSources(page(learner, "/"))).containsExactly("'self'", "https://www.youtube-nocookie.com",
				"https://player.vimeo.com", provider);
		assertThat(frameSources(page(globexLearner, "/"))).containsExactly("'self'", "https://www.youtube-nocookie.com",
				"https://player.vimeo.com");
		var signIn = mvc.perform(get("/sign-in")).andReturn().getResponse();
		assertThat(frameSources(signIn)).containsExactly("'self'", "https://www.youtube-nocookie.com",
				"https://player.vimeo.com");
		assertThat(signIn.getHeader("Content-Security-Policy")).contains("script-src 'self'", "frame-ancestors 'none'");

		addVideo(author, provider + "/play/7", "Our own player");
		assertThat(page(author, preview()).getContentAsString())
			.contains("<iframe src=\"" + provider + "/play/7\"");
		var globexAuthor = directory.member("author@globex.test", "globex").orElseThrow();
		var globexApi = Api.on(port);
		var refused = globexApi.post(globexApi.token("author@globex.test", "globex"), "/api/v1/lessons",
				lessonWithVideo(provider + "/play/7"));
		assertThat(refused.getStatusCode()).as(globexAuthor.email()).isEqualTo(HttpStatus.BAD_REQUEST);
	}

	@Test
	void adminsAddOnlyHttpsOriginsAndNobodyElseAddsAny() throws Exception {
		var admin = directory.member("admin@acme.test", "acme").orElseThrow();
		var before = frameOrigins.added(admin.organisationId());

		for (var bad : List.of("http://videos.acme.example", "https://videos.acme.example/watch", "https://*.acme.example",
				"videos.acme.example", "https://user@videos.acme.example", "https://localhost")) {
			var refused = mvc.perform(post("/admin/video-providers").with(SignedIn.as(admin)).with(csrf())
				.param("origins", bad)).andReturn().getResponse();

			assertThat(refused.getStatus()).as(bad).isEqualTo(200);
			assertThat(refused.getContentAsString()).as(bad)
				.contains("role=\"alert\"", "is not a video provider&#39;s address");
		}
		assertThat(frameOrigins.added(admin.organisationId())).isEqualTo(before);
		var learner = directory.member("learner@acme.test", "acme").orElseThrow();
		assertThat(mvc.perform(post("/admin/video-providers").with(SignedIn.as(learner)).with(csrf())
			.param("origins", "https://videos.acme.example")).andReturn().getResponse().getStatus()).isEqualTo(403);
	}

	private String addVideo(CurrentMember who, String url, String title) throws Exception {
		return mvc.perform(htmx(post(lesson + "/blocks").with(SignedIn.as(who)).with(csrf()))
			.param("kind", "video").param("url", url).param("title", title).param("transcript", TRANSCRIPT))
			.andReturn().getResponse().getContentAsString();
	}

	/** The draft's preview, in the player. */
	private String preview() {
		return lesson.replace("/studio/lessons/", "/lessons/") + "/preview";
	}

	private MockHttpServletResponse page(CurrentMember who, String path) throws Exception {
		return mvc.perform(get(path).with(SignedIn.as(who))).andReturn().getResponse();
	}

	private static MockHttpServletRequestBuilder htmx(MockHttpServletRequestBuilder request) {
		return request.header("HX-Request", "true");
	}

	private static List<String> frameSources(MockHttpServletResponse page) {
		var policy = page.getHeader("Content-Security-Policy");
		assertThat(policy).isNotNull();
		for (var directive : policy.split(";")) {
			var words = List.of(directive.strip().split(" "));
			if (words.getFirst().equals("frame-src")) {
				return words.subList(1, words.size());
			}
		}
		throw new AssertionError("No frame-src in " + policy);
	}

	private Map<String, Object> lessonWithVideo(String url) {
		return Map.of("title", "Hosted video " + UUID.randomUUID(), "objective", "Tag a deal in the CRM.",
				"estimatedMinutes", 3, "skills", List.of(), "blocks",
				List.of(Map.of("type", "video", "url", url, "title", "Watch", "transcript", TRANSCRIPT)));
	}
}
