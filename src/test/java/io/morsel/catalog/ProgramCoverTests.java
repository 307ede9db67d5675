package io.morsel.catalog;

import static io.morsel.support.Csrf.csrf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import io.morsel.MorselIntegrationTest;
import io.morsel.identity.BrandColour;
import io.morsel.identity.BrandColours;
import io.morsel.identity.Brands;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.identity.SignedIn;
import io.morsel.shared.InertImages;
import io.morsel.support.Api;
import io.morsel.support.People;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
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
 * Programs' covers: an author uploads one in the studio or through the API, and learners of the organisation see it
 * on Today, in the catalog and on the program's page, at an address that changes with it; an image Morsel will not
 * show is refused with 400 and nothing is kept; without an upload, the cover is a pattern in the organisation's
 * colours; another organisation's members find no cover at all.
 */
@MorselIntegrationTest
class ProgramCoverTests {

	/** A 1×1 lossless WebP image. */
	private static final byte[] WEBP = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

	private static final Pattern COVER = Pattern.compile("<img class=\"cover[^\"]*\" src=\"([^\"]+)\" alt=\"\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Directory directory;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	Lessons lessons;

	@Autowired
	Programs programs;

	@Autowired
	Brands brands;

	@Autowired
	JsonMapper json;

	@LocalServerPort
	int port;

	String slug;
	CurrentMember author;
	CurrentMember learner;
	CurrentMember outsider;
	Program program;

	@BeforeEach
	void anOrganisationWithAProgram() {
		slug = "cover-" + UUID.randomUUID().toString().substring(0, 8);
		jdbc.sql("INSERT INTO organisations (id, slug, name, created_at) VALUES (?, ?, ?, ?)")
			.params(UUID.randomUUID(), slug, "Covers " + slug, OffsetDateTime.now()).update();
		author = People.member(jdbc, directory, slug, "UTC", "Aura Author", "AUTHOR");
		jdbc.sql("UPDATE users SET password_hash = ? WHERE id = ?")
			.params(passwords.encode("morsel-demo"), author.userId().value()).update();
		learner = People.learner(jdbc, directory, slug, "UTC", "Lee Learner");
		outsider = People.member(jdbc, directory, "globex", "UTC", "Otto Outsider", "LEARNER", "AUTHOR");
		var lesson = lessons.create(author, new LessonContent("Plan a route", new Objective("Plan a day's route."), 3,
				List.of(), List.of(new Block.Text("Start with the farthest stop.")))).lessonId();
		lessons.publish(author, lesson);
		program = programs.create(author.organisationId(), "routes", "Route planning",
				"Drivers plan a day's route in ten minutes", null, true, List.of(lesson));
	}

	@Test
	void aCoverUploadedThroughTheApiIsWhatLearnersSeeEverywhereAtAnAddressThatChangesWithIt() throws Exception {
		var api = Api.on(port);
		var token = api.token(author.email(), slug);
		var png = png(64, 36);

		var uploaded = putCover(api, token, MediaType.IMAGE_PNG, png);

		assertThat(uploaded.getStatusCode().value()).as(uploaded.getBody()).isEqualTo(200);
		assertThat(json.readTree(uploaded.getBody()).get("coverVersion").asLong()).isPositive();
		var address = cover(page(learner, "/catalog"));
		assertThat(address).startsWith("/covers/programs/" + program.id().value() + "?v=u");
		assertThat(cover(page(learner, "/today"))).isEqualTo(address);
		assertThat(cover(page(learner, "/programs/" + program.id().value()))).isEqualTo(address);
		assertThat(page(learner, "/today")).contains("width=\"320\" height=\"180\" loading=\"lazy\"");
		var served = fetch(learner, address);
		assertThat(served.getStatus()).isEqualTo(200);
		assertThat(served.getContentType()).isEqualTo("image/png");
		assertThat(served.getContentAsByteArray()).isEqualTo(png);
		assertThat(served.getHeader("Cache-Control")).contains("max-age=31536000", "private");
		assertThat(served.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");

		var again = putCover(api, token, MediaType.valueOf("image/webp"), WEBP);

		assertThat(again.getStatusCode().value()).as(again.getBody()).isEqualTo(200);
		var changed = cover(page(learner, "/catalog"));
		assertThat(changed).as("a new cover, a new address").isNotEqualTo(address);
		assertThat(fetch(learner, changed).getContentType()).isEqualTo("image/webp");
		assertThat(putCover(api, token, MediaType.IMAGE_JPEG, jpeg()).getStatusCode().value()).isEqualTo(200);
		assertThat(fetch(learner, cover(page(learner, "/catalog"))).getContentType()).isEqualTo("image/jpeg");
	}

	@Test
	void anImageMorselWillNotShowIsRefusedWith400AndNothingIsStored() throws Exception {
		var api = Api.on(port);
		var token = api.token(author.email(), slug);
		var gif = "GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1);
		var scripted = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
			.getBytes(StandardCharsets.UTF_8);
		var large = new byte[Covers.MAX_BYTES + 10 * 1024];
		System.arraycopy(png(8, 8), 0, large, 0, 8);
		var broken = new byte[] { (byte) 0xff, (byte) 0xd8, (byte) 0xff, 0, 1, 2, 3 };

		var notAPicture = putCover(api, token, MediaType.IMAGE_PNG, gif);
		var withAScript = putCover(api, token, MediaType.valueOf("image/svg+xml"), scripted);
		var tooLarge = putCover(api, token, MediaType.IMAGE_PNG, large);
		var notReallyAJpeg = putCover(api, token, MediaType.IMAGE_JPEG, broken);

		for (var refused : List.of(notAPicture, withAScript, tooLarge, notReallyAJpeg)) {
			assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
			assertThat(json.readTree(refused.getBody()).get("type").asString()).isEqualTo("/problems/validation");
		}
		assertThat(detail(notAPicture)).isEqualTo("The image is not a PNG, JPEG, WebP or SVG image");
		assertThat(detail(withAScript)).isEqualTo("An SVG image may not contain <script>");
		assertThat(detail(tooLarge)).isEqualTo("An image is at most 200 KB; this one is 210 KB");
		assertThat(detail(notReallyAJpeg)).startsWith("The JPEG image cannot be read");

		var form = mvc.perform(multipart("/studio/programs/" + program.id().value() + "/cover")
			.file(new MockMultipartFile("cover", "cover.gif", "image/gif", gif))
			.with(SignedIn.as(author)).with(csrf())).andReturn().getResponse();

		assertThat(form.getStatus()).isEqualTo(200);
		assertThat(form.getContentAsString()).contains("id=\"cover-error\"", "role=\"alert\"",
				"The image is not a PNG, JPEG, WebP or SVG image", "aria-invalid=\"true\"");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM program_covers WHERE program_id = ?")
			.param(program.id().value()).query(Integer.class).single()).isZero();
		assertThat(cover(page(learner, "/catalog"))).as("still the pattern").contains("?v=p");
	}

	@Test
	void aCoverUploadedInTheStudioReplacesThePatternUntilTheAuthorRemovesIt() throws Exception {
		var editor = "/studio/programs/" + program.id().value();
		assertThat(page(author, editor)).contains("Learners see a pattern in your organisation");

		var saved = mvc.perform(multipart(editor + "/cover")
			.file(new MockMultipartFile("cover", "cover.png", "image/png", png(32, 18)))
			.with(SignedIn.as(author)).with(csrf())).andReturn().getResponse();

		assertThat(saved.getRedirectedUrl()).isEqualTo(editor + "#cover-heading");
		assertThat(page(author, editor)).contains("Learners see the cover you uploaded.");
		assertThat(cover(page(learner, "/catalog"))).contains("?v=u");

		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(editor + "/cover/removal")
			.with(SignedIn.as(author)).with(csrf()));

		assertThat(cover(page(learner, "/catalog"))).contains("?v=p");
		assertThat(fetch(learner, cover(page(learner, "/catalog"))).getContentType()).isEqualTo("image/svg+xml");
	}

	@Test
	void withoutAnUploadTheCoverIsAPatternInTheOrganisationsColoursThatChangesWithThem() throws Exception {
		var admin = People.member(jdbc, directory, slug, "UTC", "Ada Admin", "ADMIN");
		var before = cover(page(learner, "/catalog"));

		brands.paint(admin, new BrandColours(new BrandColour("#7a1f5c"), new BrandColour("#0b7a75")));

		var address = cover(page(learner, "/catalog"));
		assertThat(address).as("a new brand, a new address").isNotEqualTo(before);
		var served = fetch(learner, address);
		assertThat(served.getContentType()).isEqualTo("image/svg+xml");
		assertThat(served.getHeader("Content-Security-Policy")).contains("sandbox");
		var svg = served.getContentAsString(StandardCharsets.UTF_8);
		assertThat(svg).contains("fill=\"#7a1f5c\"", "fill=\"#0b7a75\"").doesNotContain("<text", "<title");
		assertThat(InertImages.check(svg.getBytes(StandardCharsets.UTF_8), Covers.MAX_BYTES))
			.as("the pattern passes the rules of uploaded images").isEqualTo(InertImages.SVG);
		assertThat(fetch(learner, address).getContentAsString(StandardCharsets.UTF_8)).as("drawn from the id")
			.isEqualTo(svg);
	}

	@Test
	void anotherOrganisationsMembersFindNoCover() throws Exception {
		var api = Api.on(port);
		putCover(api, api.token(author.email(), slug), MediaType.IMAGE_PNG, png(8, 8));
		var address = cover(page(learner, "/catalog"));

		assertThat(fetch(outsider, address).getStatus()).isEqualTo(404);
		assertThat(fetch(outsider, "/covers/programs/" + UUID.randomUUID()).getStatus()).isEqualTo(404);
		var foreign = mvc.perform(multipart("/studio/programs/" + program.id().value() + "/cover")
			.file(new MockMultipartFile("cover", "cover.png", "image/png", png(8, 8)))
			.with(SignedIn.as(outsider)).with(csrf())).andReturn().getResponse();
		assertThat(foreign.getStatus()).isEqualTo(404);
		assertThat(fetch(learner, address).getContentAsByteArray()).isEqualTo(png(8, 8));
	}

	private ResponseEntity<String> putCover(Api api, String token, MediaType type, byte[] body) {
		return api.http().put().uri("/api/v1/programs/" + program.id().value() + "/cover")
			.header("Authorization", "Bearer " + token).contentType(type).body(body).retrieve()
			.toEntity(String.class);
	}

	private String detail(ResponseEntity<String> refused) {
		return json.readTree(refused.getBody()).get("detail").asString();
	}

	/** The address of the program's cover on the page; each page here shows one program. */
	private static String cover(String page) {
		var found = COVER.matcher(page);
		assertThat(found.find()).as("a cover with an empty alternative text").isTrue();
		return found.group(1).replace("&amp;", "&");
	}

	private MockHttpServletResponse fetch(CurrentMember member, String path) throws Exception {
		return mvc.perform(get(path).with(SignedIn.as(member))).andReturn().getResponse();
	}

	private String page(CurrentMember member, String path) throws Exception {
		return fetch(member, path).getContentAsString(StandardCharsets.UTF_8);
	}

	private static byte[] png(int width, int height) throws Exception {
		var out = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
		return out.toByteArray();
	}

	private static byte[] jpeg() throws Exception {
		var out = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(32, 18, BufferedImage.TYPE_INT_RGB), "jpeg", out);
		return out.toByteArray();
	}
}
