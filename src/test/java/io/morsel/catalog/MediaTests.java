package io.morsel.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.MorselIntegrationTest;
import io.morsel.support.Api;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
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

	@Value("${morsel.media.root}")
	Path root;

	final HttpClient http = HttpClient.newHttpClient();

	String author;

	@BeforeEach
	void setUp() {
		author = Api.on(port).token("author@acme.test", "acme");
	}

	@Test
	void anUploadedImageIsServedAsUploadedWithRangesAndCaching() throws Exception {
		var png = png();
		var uploaded = upload(author, "diagram.png", png);
		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
		var id = json.readTree(uploaded.body()).get("id").asString();

		var whole = get("/api/v1/media/" + id, author, null);
		assertThat(whole.statusCode()).isEqualTo(200);
		assertThat(whole.body()).isEqualTo(png);
		assertThat(whole.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(whole.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=31536000", "immutable");
		assertThat(whole.headers().firstValue("Accept-Ranges")).hasValue("bytes");

		var etag = whole.headers().firstValue("ETag").orElseThrow();
		var again = http.send(request("/api/v1/media/" + id, author).header("If-None-Match", etag).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(again.statusCode()).isEqualTo(304);

		var first = get("/api/v1/media/" + id, author, "bytes=0-9");
		assertThat(first.statusCode()).isEqualTo(206);
		assertThat(first.headers().firstValue("Content-Range")).hasValue("bytes 0-9/" + png.length);
		assertThat(first.body()).isEqualTo(Arrays.copyOfRange(png, 0, 10));
		var last = get("/api/v1/media/" + id, author, "bytes=-5");
		assertThat(last.body()).isEqualTo(Arrays.copyOfRange(png, png.length - 5, png.length));
		assertThat(get("/api/v1/media/" + id, author, "bytes=999999999-").statusCode()).isEqualTo(416);
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

		for (var upload : new Object[][] { { "cat.png", elf }, { "cat.png", "#!/bin/sh\nrm -rf /\n".getBytes() },
				{ "cat.png", "<html><script>alert(1)</script></html>".getBytes() }, { "cat.exe", png() },
				{ "notes.vtt", png() } }) {
			var response = upload(author, (String) upload[0], (byte[]) upload[1]);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(415);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		}

		assertThat(rows()).isEqualTo(rows);
		assertThat(files()).isEqualTo(files);
	}

	@Test
	void eachKindHasItsSizeLimit() throws Exception {
		var rows = rows();
		var transcript = ("WEBVTT\n\n" + "00:00.000 --> 00:01.000\nWords.\n\n".repeat(40_000)).getBytes(StandardCharsets.UTF_8);

		var response = upload(author, "long.vtt", transcript);

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(rows()).isEqualTo(rows);
	}

	@Test
	void onlyAuthorsUploadAndOnlyTheOrganisationSeesItsMedia() throws Exception {
		var id = json.readTree(upload(author, "private.png", png()).body()).get("id").asString();
		var learner = Api.on(port).token("learner@acme.test", "acme");
		var globex = Api.on(port).token("author@globex.test", "globex");

		assertThat(upload(learner, "mine.png", png()).statusCode()).isEqualTo(403);
		assertThat(get("/api/v1/media/" + id, learner, null).statusCode()).isEqualTo(200);
		assertThat(get("/api/v1/media/" + id, globex, null).statusCode()).isEqualTo(404);
		assertThat(get("/api/v1/media/" + UUID.randomUUID(), globex, null).statusCode()).isEqualTo(404);
		assertThat(get("/api/v1/media/" + id, null, null).statusCode()).isEqualTo(401);
		var page = get("/media/" + id, null, null);
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/sign-in");
	}

	private long rows() {
		return jdbc.sql("SELECT COUNT(*) FROM media").query(Long.class).single();
	}

	private long files() throws IOException {
		if (!Files.exists(root)) {
			return 0;
		}
		try (var list = Files.list(root)) {
			return list.count();
		}
	}

	private static byte[] png() throws IOException {
		var image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
		image.setRGB(3, 4, 0x1f5f8b);
		var out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
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
}
