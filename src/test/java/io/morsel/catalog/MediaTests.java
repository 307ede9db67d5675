package io.morsel.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.morsel.MorselIntegrationTest;
import io.morsel.identity.Directory;
import io.morsel.support.Api;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Media are checked by their bytes, kept per organisation, and served with ranges and long-lived caching. */
@MorselIntegrationTest
class MediaTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	MediaLibrary library;

	@Autowired
	Directory directory;

	@Autowired
	TransactionTemplate transaction;

	@Value("${morsel.media.root}")
	Path root;

	final HttpClient http = HttpClient.newHttpClient();

	String author;

	@BeforeEach
	void setUp() {
		author = Api.on(port).token("author@acme.test", "acme");
	}

	static Stream<Arguments> acceptedFiles() throws IOException {
		return Stream.of(Arguments.of("diagram.png", png(), "image/png", "inline"),
				Arguments.of("photo.jpg", image("jpeg"), "image/jpeg", "inline"),
				Arguments.of("loop.gif", image("gif"), "image/gif", "inline"),
				Arguments.of("tiny.webp", fixture("tiny.webp"), "image/webp", "inline"),
				Arguments.of("tiny.webm", fixture("tiny.webm"), "video/webm", "inline"),
				Arguments.of("tiny.ogv", fixture("tiny.ogv"), "video/ogg", "inline"),
				Arguments.of("tiny.mp4", fixture("tiny.mp4"), "video/mp4", "inline"),
				Arguments.of("tiny.ogg", fixture("tiny.ogg"), "audio/ogg", "inline"),
				Arguments.of("tiny.m4a", fixture("tiny.m4a"), "audio/mp4", "inline"),
				Arguments.of("tiny.mp3", fixture("tiny.mp3"), "audio/mpeg", "inline"),
				Arguments.of("tiny.weba", fixture("tiny.weba"), "audio/webm", "inline"),
				Arguments.of("tone.wav", wav(), "audio/wav", "inline"),
				Arguments.of("captions.vtt", vtt(), "text/vtt", "inline"),
				Arguments.of("handout.pdf", pdf(), "application/pdf", "attachment"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("acceptedFiles")
	void everyAcceptedKindIsServedBackAsUploaded(String name, byte[] bytes, String type, String disposition)
			throws Exception {
		var uploaded = upload(author, name, bytes);
		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
		var body = json.readTree(uploaded.body());
		assertThat(body.get("fileName").asString()).isEqualTo(name);
		assertThat(body.get("contentType").asString()).isEqualTo(type);
		assertThat(body.get("size").asLong()).isEqualTo(bytes.length);

		var served = get("/api/v1/media/" + body.get("id").asString(), author, null);

		assertThat(served.statusCode()).isEqualTo(200);
		assertThat(served.body()).isEqualTo(bytes);
		assertThat(served.headers().firstValue("Content-Type")).hasValue(type);
		assertThat(served.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
		assertThat(served.headers().firstValue("Content-Disposition").orElseThrow()).startsWith(disposition + ";")
			.contains(name);
	}

	@Test
	void anUploadedVideoIsServedWithRangesSoPlayersCanSeek() throws Exception {
		var video = fixture("tiny.webm");
		var id = idOf(upload(author, "seek.webm", video));
		var path = "/api/v1/media/" + id;

		var whole = get(path, author, null);
		assertThat(whole.headers().firstValue("Accept-Ranges")).hasValue("bytes");

		var first = get(path, author, "bytes=0-9");
		assertThat(first.statusCode()).isEqualTo(206);
		assertThat(first.headers().firstValue("Content-Range")).hasValue("bytes 0-9/" + video.length);
		assertThat(first.headers().firstValue("Content-Type")).hasValue("video/webm");
		assertThat(first.body()).isEqualTo(Arrays.copyOfRange(video, 0, 10));

		var middle = get(path, author, "bytes=100-");
		assertThat(middle.statusCode()).isEqualTo(206);
		assertThat(middle.headers().firstValue("Content-Range"))
			.hasValue("bytes 100-" + (video.length - 1) + "/" + video.length);
		assertThat(middle.body()).isEqualTo(Arrays.copyOfRange(video, 100, video.length));

		var last = get(path, author, "bytes=-5");
		assertThat(last.statusCode()).isEqualTo(206);
		assertThat(last.body()).isEqualTo(Arrays.copyOfRange(video, video.length - 5, video.length));

		var beyond = get(path, author, "bytes=999999999-");
		assertThat(beyond.statusCode()).isEqualTo(416);
		assertThat(beyond.headers().firstValue("Content-Range")).hasValue("bytes */" + video.length);
	}

	@Test
	void mediaAreCachedForAYearAndRevalidatedByTheirHash() throws Exception {
		var png = png();
		var id = idOf(upload(author, "cached.png", png));

		var whole = get("/api/v1/media/" + id, author, null);
		assertThat(whole.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=31536000", "private",
				"immutable");
		var etag = whole.headers().firstValue("ETag").orElseThrow();
		var sha256 = jdbc.sql("SELECT sha256 FROM media WHERE id = :id").param("id", UUID.fromString(id))
			.query(String.class).single();
		assertThat(etag).isEqualTo("\"" + sha256 + "\"");

		var again = http.send(request("/api/v1/media/" + id, author).header("If-None-Match", etag).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(again.statusCode()).isEqualTo(304);
		assertThat(again.body()).isEmpty();
		assertThat(again.headers().firstValue("ETag")).hasValue(etag);
		assertThat(again.headers().firstValue("Cache-Control").orElseThrow()).contains("immutable");
	}

	@Test
	void filesWhoseBytesAreNotWhatTheirNameSaysAreRefusedAndLeaveNothing() throws Exception {
		var rows = rows();
		var files = files();
		var elf = new byte[64];
		elf[0] = 0x7f;
		elf[1] = 'E';
		elf[2] = 'L';
		elf[3] = 'F';
		var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>";

		for (var upload : new Object[][] { { "cat.png", elf }, { "cat.png", "#!/bin/sh\nrm -rf /\n".getBytes() },
				{ "cat.png", "<html><script>alert(1)</script></html>".getBytes() }, { "cat.exe", png() },
				{ "cat.svg", svg.getBytes() }, { "cat.png", svg.getBytes() }, { "notes.vtt", png() },
				{ "notes.vtt", "Just some text, not WebVTT.\n".getBytes() }, { "clip.webm", png() },
				{ "clip.mp4", fixture("tiny.webm") }, { "no-extension", png() } }) {
			var response = upload(author, (String) upload[0], (byte[]) upload[1]);
			assertThat(response.statusCode()).as(upload[0] + ": " + response.body()).isEqualTo(415);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(json.readTree(response.body()).get("type").asString()).isEqualTo("/problems/unsupported-media-type");
		}

		assertNothingLeft(rows, files);
	}

	@Test
	void eachKindHasItsSizeLimit() throws Exception {
		var rows = rows();
		var files = files();
		var transcript = ("WEBVTT\n\n" + "00:00.000 --> 00:01.000\nWords.\n\n".repeat(40_000)).getBytes(StandardCharsets.UTF_8);

		var response = upload(author, "long.vtt", transcript);

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(json.readTree(response.body()).get("type").asString()).isEqualTo("/problems/body-too-large");
		assertThat(json.readTree(response.body()).get("detail").asString()).contains("1 MB");
		assertNothingLeft(rows, files);
	}

	@Test
	void fileNamesLoseTheirFoldersAndMayNotHoldControlCharacters() throws Exception {
		var uploaded = upload(author, "../../etc/cron.d/diagram.png", png());
		assertThat(uploaded.statusCode()).isEqualTo(201);
		assertThat(json.readTree(uploaded.body()).get("fileName").asString()).isEqualTo("diagram.png");

		var member = directory.member("author@acme.test", "acme").orElseThrow();
		var rows = rows();
		assertThatThrownBy(() -> library.store(member, "dia\u0000gram.png", new ByteArrayInputStream(png())))
			.isInstanceOf(MediaLibrary.UnsupportedMediaException.class);
		assertThatThrownBy(() -> library.store(member, "x".repeat(201) + ".png", new ByteArrayInputStream(png())))
			.isInstanceOf(MediaLibrary.UnsupportedMediaException.class);
		assertThat(rows()).isEqualTo(rows);
	}

	@Test
	void aRolledBackUploadTakesItsFileAlong() throws Exception {
		var member = directory.member("author@acme.test", "acme").orElseThrow();
		var rows = rows();
		var files = files();
		var stored = new Media[1];

		transaction.executeWithoutResult(status -> {
			stored[0] = library.store(member, "undone.png", new ByteArrayInputStream(uncheckedPng()));
			assertThat(library.file(stored[0].id())).exists();
			status.setRollbackOnly();
		});

		assertThat(library.file(stored[0].id())).doesNotExist();
		assertNothingLeft(rows, files);
	}

	@Test
	void onlyAuthorsUploadAndOnlyTheOrganisationSeesItsMedia() throws Exception {
		var id = idOf(upload(author, "private.png", png()));
		var learner = Api.on(port).token("learner@acme.test", "acme");
		var globex = Api.on(port).token("author@globex.test", "globex");

		var refused = upload(learner, "mine.png", png());
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(json.readTree(refused.body()).get("type").asString()).isEqualTo("/problems/forbidden");
		assertThat(get("/api/v1/media/" + id, learner, null).statusCode()).isEqualTo(200);

		var foreign = get("/api/v1/media/" + id, globex, null);
		assertThat(foreign.statusCode()).isEqualTo(404);
		assertThat(foreign.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(get("/api/v1/media/" + UUID.randomUUID(), globex, null).statusCode()).isEqualTo(404);

		var anonymous = get("/api/v1/media/" + id, null, null);
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(new String(anonymous.body(), StandardCharsets.UTF_8)).contains("/problems/unauthenticated");
	}

	@Test
	void pagesServeMediaToSignedInMembersOfTheOrganisationOnly() throws Exception {
		var png = png();
		var id = idOf(upload(author, "on-a-page.png", png));

		var page = get("/media/" + id, null, null);
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/sign-in");

		var acme = signedIn("learner@acme.test");
		var served = acme.send(pageRequest("/media/" + id).build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(served.statusCode()).isEqualTo(200);
		assertThat(served.body()).isEqualTo(png);
		assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
		var range = acme.send(pageRequest("/media/" + id).header("Range", "bytes=0-7").build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(range.statusCode()).isEqualTo(206);
		assertThat(range.body()).isEqualTo(Arrays.copyOfRange(png, 0, 8));

		var globex = signedIn("learner@globex.test");
		assertThat(globex.send(pageRequest("/media/" + id).build(), HttpResponse.BodyHandlers.discarding()).statusCode())
			.isEqualTo(404);
	}

	/** The media rows of the authors' organisation: other organisations' tests may upload at the same time. */
	private long rows() {
		var acme = directory.member("author@acme.test", "acme").orElseThrow().organisationId().value();
		return jdbc.sql("SELECT COUNT(*) FROM media WHERE organisation_id = ?").param(acme).query(Long.class).single();
	}

	private Set<String> files() throws IOException {
		if (!Files.exists(root)) {
			return Set.of();
		}
		try (var list = Files.list(root)) {
			return list.map(file -> file.getFileName().toString()).collect(Collectors.toSet());
		}
	}

	/**
	 * Neither a row of the authors' organisation nor a file of its own (kept or partial) was left. The media folder is
	 * shared by every organisation, so a file that appeared meanwhile must be another organisation's kept upload.
	 */
	private void assertNothingLeft(long rowsBefore, Set<String> filesBefore) throws IOException {
		assertThat(rows()).isEqualTo(rowsBefore);
		var acme = directory.member("author@acme.test", "acme").orElseThrow().organisationId().value();
		var others = jdbc.sql("SELECT CAST(id AS varchar(36)) FROM media WHERE organisation_id <> ?")
			.param(acme)
			.query(String.class)
			.set();
		assertThat(files()).filteredOn(file -> !filesBefore.contains(file))
			.allSatisfy(file -> assertThat(others).contains(file));
	}

	private String idOf(HttpResponse<String> uploaded) {
		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
		return json.readTree(uploaded.body()).get("id").asString();
	}

	private HttpResponse<String> upload(String token, String name, byte[] bytes) throws Exception {
		var boundary = "morsel-" + UUID.randomUUID();
		var body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.write(bytes);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return http.send(request("/api/v1/media", token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<byte[]> get(String path, String token, String range) throws Exception {
		var request = request(path, token);
		if (range != null) {
			request.header("Range", range);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private HttpRequest.Builder request(String path, String token) {
		var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		return token == null ? builder : builder.header("Authorization", "Bearer " + token);
	}

	private HttpRequest.Builder pageRequest(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
	}

	/** A browser-like client signed in through the sign-in form, keeping its session cookie. */
	private HttpClient signedIn(String email) throws Exception {
		var browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		var form = browser.send(pageRequest("/sign-in").build(), HttpResponse.BodyHandlers.ofString()).body();
		var csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(form);
		assertThat(csrf.find()).as("CSRF token on the sign-in page").isTrue();
		var fields = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password=morsel-demo&_csrf="
				+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		var signedIn = browser.send(pageRequest("/sign-in").header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(fields)).build(), HttpResponse.BodyHandlers.discarding());
		assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
		return browser;
	}

	private static byte[] png() throws IOException {
		return image("png");
	}

	private static byte[] uncheckedPng() {
		try {
			return png();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static byte[] image(String format) throws IOException {
		var image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
		image.setRGB(3, 4, 0x1f5f8b);
		var out = new ByteArrayOutputStream();
		assertThat(ImageIO.write(image, format, out)).as("an ImageIO writer for " + format).isTrue();
		return out.toByteArray();
	}

	/** A tenth of a second of silence, 8 kHz mono PCM. */
	private static byte[] wav() throws IOException {
		var format = new AudioFormat(8000, 16, 1, true, false);
		var samples = new byte[1600];
		var out = new ByteArrayOutputStream();
		AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(samples), format, samples.length / 2),
				AudioFileFormat.Type.WAVE, out);
		return out.toByteArray();
	}

	private static byte[] vtt() {
		return "WEBVTT\n\n00:00.000 --> 00:02.000\nWrite one objective per lesson.\n".getBytes(StandardCharsets.UTF_8);
	}

	/** The smallest PDF readers open: a catalog, an empty page tree, and the trailer. */
	private static byte[] pdf() {
		return """
				%PDF-1.4
				1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
				2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj
				trailer << /Root 1 0 R >>
				%%EOF
				""".getBytes(StandardCharsets.US_ASCII);
	}

	private static byte[] fixture(String name) {
		try (var in = MediaTests.class.getResourceAsStream("/media/" + name)) {
			if (in == null) {
				throw new IllegalStateException("No test fixture media/" + name);
			}
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
