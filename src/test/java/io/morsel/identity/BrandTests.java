package io.morsel.identity;

import static io.morsel.support.Csrf.csrf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.morsel.MorselIntegrationTest;
import io.morsel.support.Api;
import io.morsel.support.People;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * An organisation's brand: its admins set colours and a logo on the brand page and through the API; colours that
 * would make text unreadable are refused with their ratio; every page of that organisation, and no other's, carries
 * them.
 */
@MorselIntegrationTest
class BrandTests {

	private static final String SCRIPTED_SVG = """
			<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><rect width="4" height="4"/></svg>""";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Directory directory;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	JsonMapper json;

	@LocalServerPort
	int port;

	String slug;
	CurrentMember admin;
	CurrentMember learner;
	CurrentMember outsider;

	@BeforeEach
	void anOrganisationOfItsOwn() {
		slug = "brand-" + UUID.randomUUID().toString().substring(0, 8);
		jdbc.sql("INSERT INTO organisations (id, slug, name, created_at) VALUES (?, ?, ?, ?)")
			.params(UUID.randomUUID(), slug, "Brand " + slug, OffsetDateTime.now()).update();
		admin = People.member(jdbc, directory, slug, "UTC", "Ada Admin", "ADMIN");
		jdbc.sql("UPDATE users SET password_hash = ? WHERE id = ?")
			.params(passwords.encode("morsel-demo"), admin.userId().value()).update();
		learner = People.learner(jdbc, directory, slug, "UTC", "Lee Learner");
		outsider = People.learner(jdbc, directory, "globex", "UTC", "Otto Outsider");
	}

	@Test
	void coloursAnAdminSavesColourEveryPageOfTheOrganisationAndNoOthers() throws Exception {
		var saved = mvc.perform(post("/admin/brand").with(SignedIn.as(admin)).with(csrf())
			.param("primary", "#7A1F5C").param("accent", "#0b7a75")).andReturn().getResponse();

		assertThat(saved.getRedirectedUrl()).isEqualTo("/admin/brand");
		assertThat(page(learner, "/today")).contains("<style>:root{--brand:#7a1f5c;--brand-dark:#5c1745;--accent:#0b7a75;}</style>");
		assertThat(page(admin, "/admin/brand")).contains("value=\"#7a1f5c\"", "value=\"#0b7a75\"");
		assertThat(page(outsider, "/today")).doesNotContain("#7a1f5c", "--accent:");

		mvc.perform(post("/admin/brand").with(SignedIn.as(admin)).with(csrf()).param("primary", "").param("accent", ""));

		assertThat(page(learner, "/today")).as("blank colours are Morsel's own").doesNotContain("#7a1f5c", "<style>:root");
	}

	@Test
	void aColourTooPaleForItsTextIsRefusedOnTheFormWithItsRatio() throws Exception {
		var refused = mvc.perform(post("/admin/brand").with(SignedIn.as(admin)).with(csrf())
			.param("primary", "#7fb3d5").param("accent", "pink")).andReturn().getResponse();

		assertThat(refused.getStatus()).isEqualTo(200);
		assertThat(refused.getContentAsString())
			.contains("id=\"primary-error\"", "role=\"alert\"", "contrast ratio of 2.25:1 with the white text of buttons")
			.contains("id=\"accent-error\"", "&#39;pink&#39; is not a colour")
			.contains("value=\"#7fb3d5\"", "aria-invalid=\"true\"");
		assertThat(page(learner, "/today")).doesNotContain("#7fb3d5");
	}

	@Test
	void theApiSetsColoursAndRefusesAPaleOneWithAProblemNamingTheRatio() throws Exception {
		var api = Api.on(port);
		var token = api.token(admin.email(), slug);

		var pale = api.put(token, "/api/v1/organisation/brand", Map.of("primary", "#767676"));
		var dark = api.put(token, "/api/v1/organisation/brand", Map.of("primary", "#1d4e89", "accent", "#b5462a"));

		assertThat(pale.getStatusCode().value()).isEqualTo(400);
		var problem = json.readTree(pale.getBody());
		assertThat(problem.get("type").asString()).isEqualTo("/problems/validation");
		assertThat(problem.get("detail").asString())
			.isEqualTo("The primary colour #767676 has a contrast ratio of 4.18:1 with the page's light grey "
					+ "background, where links sit; it needs at least 4.5:1. Choose a darker primary colour.");
		assertThat(dark.getStatusCode().value()).isEqualTo(200);
		assertThat(json.readTree(api.get(token, "/api/v1/organisation/brand").getBody()).get("accent").asString())
			.isEqualTo("#b5462a");
		assertThat(page(learner, "/today")).contains("--brand:#1d4e89;");
		assertThat(api.put(api.token("learner@acme.test", "acme"), "/api/v1/organisation/brand",
				Map.of("primary", "#1d4e89")).getStatusCode().value()).isEqualTo(403);
	}

	@Test
	void aLogoUploadedThroughTheApiStandsInTheHeaderForTheOrganisationsMembersOnly() throws Exception {
		var api = Api.on(port);
		var token = api.token(admin.email(), slug);
		var png = png();

		var uploaded = putLogo(api, token, MediaType.IMAGE_PNG, png);

		assertThat(uploaded.getStatusCode().value()).isEqualTo(200);
		var address = json.readTree(uploaded.getBody()).get("logo").asString();
		assertThat(address).startsWith("/brand/" + slug + "/logo?v=");
		var header = page(learner, "/today");
		assertThat(header).contains("src=\"" + address.replace("&", "&amp;") + "\"", "alt=\"Brand " + slug + ", home\"");
		var logo = mvc.perform(get(address).with(SignedIn.as(learner))).andReturn().getResponse();
		assertThat(logo.getContentType()).isEqualTo("image/png");
		assertThat(logo.getContentAsByteArray()).isEqualTo(png);
		assertThat(logo.getHeader("Cache-Control")).contains("private");
		assertThat(mvc.perform(get("/brand/" + slug + "/logo").with(SignedIn.as(outsider))).andReturn().getResponse()
			.getStatus()).as("another organisation's logo").isEqualTo(404);
		assertThat(page(outsider, "/today")).doesNotContain("/brand/" + slug);

		assertThat(api.delete(token, "/api/v1/organisation/brand/logo").getStatusCode().value()).isEqualTo(200);
		assertThat(page(learner, "/today")).doesNotContain("/brand/" + slug).contains("/static/img/morsel-");
	}

	@Test
	void anSvgLogoWithAScriptIsRefusedByTheApiAndOnTheForm() throws Exception {
		var api = Api.on(port);
		var token = api.token(admin.email(), slug);

		var refused = putLogo(api, token, MediaType.valueOf("image/svg+xml"),
				SCRIPTED_SVG.getBytes(StandardCharsets.UTF_8));
		var form = mvc.perform(multipart("/admin/brand/logo")
			.file(new MockMultipartFile("logo", "logo.svg", "image/svg+xml",
					SCRIPTED_SVG.getBytes(StandardCharsets.UTF_8)))
			.with(SignedIn.as(admin)).with(csrf())).andReturn().getResponse();
		var disguised = putLogo(api, token, MediaType.IMAGE_PNG, "<html>not an image</html>".getBytes(
				StandardCharsets.UTF_8));

		assertThat(refused.getStatusCode().value()).isEqualTo(422);
		assertThat(json.readTree(refused.getBody()).get("detail").asString())
			.isEqualTo("An SVG image may not contain <script>");
		assertThat(form.getContentAsString()).contains("id=\"logo-error\"", "An SVG image may not contain &lt;script&gt;");
		assertThat(disguised.getStatusCode().value()).isEqualTo(422);
		assertThat(page(learner, "/today")).doesNotContain("/brand/" + slug);

		var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 8 4\"><rect width=\"8\" height=\"4\"/></svg>";
		mvc.perform(multipart("/admin/brand/logo")
			.file(new MockMultipartFile("logo", "logo.svg", "image/svg+xml", svg.getBytes(StandardCharsets.UTF_8)))
			.with(SignedIn.as(admin)).with(csrf()));
		var served = mvc.perform(get("/brand/" + slug + "/logo").with(SignedIn.as(learner))).andReturn().getResponse();
		assertThat(served.getContentType()).isEqualTo("image/svg+xml");
		assertThat(served.getHeader("Content-Security-Policy")).contains("sandbox");
	}

	private ResponseEntity<String> putLogo(Api api, String token, MediaType type, byte[] body) {
		return api.http().put().uri("/api/v1/organisation/brand/logo").header("Authorization", "Bearer " + token)
			.contentType(type).body(body).retrieve().toEntity(String.class);
	}

	private String page(CurrentMember member, String path) throws Exception {
		MockHttpServletResponse response = mvc.perform(get(path).with(SignedIn.as(member))).andReturn().getResponse();
		return response.getContentAsString();
	}

	private static byte[] png() throws Exception {
		var image = new BufferedImage(64, 24, BufferedImage.TYPE_INT_RGB);
		var out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}
}
