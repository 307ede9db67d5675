package io.morsel;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sessions are signed cookies backed by a row in the database: sign in on one node, carry on on another; sign out on
 * the first, and the other refuses the cookie once it checks the session again.
 */
@MorselIntegrationTest
class SessionsAcrossNodesTests {

	private static ConfigurableApplicationContext nodeB;

	@LocalServerPort
	int portA;

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	static void startSecondNode() {
		var db = TestInfrastructure.database();
		nodeB = new SpringApplicationBuilder(MorselApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.username(),
				"--spring.datasource.password=" + db.password(), "--morsel.demo.seed=false",
				"--spring.mail.host=127.0.0.1",
				// Node B checks every session's row on every request; node A (the shared test context) once a minute.
				"--morsel.sessions.recheck=0s", "--spring.mail.port=" + TestInfrastructure.mail().getSmtp().getPort());
	}

	@AfterAll
	static void stopSecondNode() {
		if (nodeB != null) {
			nodeB.close();
		}
	}

	@Test
	void aSessionStartedOnOneNodeContinuesOnAnother() throws Exception {
		var cookies = new CookieManager();
		var browser = HttpClient.newBuilder().cookieHandler(cookies).build();
		var a = "http://localhost:" + portA;
		var b = "http://localhost:" + ((WebServerApplicationContext) nodeB).getWebServer().getPort();

		var form = browser.send(HttpRequest.newBuilder(URI.create(a + "/sign-in")).build(),
				HttpResponse.BodyHandlers.ofString());
		var csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
		assertThat(csrf.find()).isTrue();
		var signedIn = browser.send(HttpRequest.newBuilder(URI.create(a + "/sign-in"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("email=" + encode("author@acme.test") + "&password=morsel-demo&_csrf="
					+ encode(csrf.group(1))))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/");

		// The cookie was set by node A; send it to node B, as a load balancer would route the next request.
		var session = cookies.getCookieStore().get(URI.create(a)).stream()
			.filter(c -> c.getName().equals("MORSEL_SESSION")).findFirst().orElseThrow();
		cookies.getCookieStore().add(URI.create(b), copy(session));
		var onB = browser.send(HttpRequest.newBuilder(URI.create(b + "/profile")).build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(onB.statusCode()).isEqualTo(200);
		assertThat(onB.body()).contains("author@acme.test", "Ben Okafor");
		assertThat(jdbc.sql("""
				SELECT COUNT(*)
				FROM web_sessions s
				JOIN users u ON u.id = s.user_id
				WHERE u.email = 'author@acme.test'
				""").query(Long.class).single()).isPositive();

		var signOutForm = Pattern.compile("action=\"/sign-out\"[^>]*><input type=\"hidden\" name=\"_csrf\" value=\"([^\"]+)\"")
			.matcher(onB.body());
		assertThat(signOutForm.find()).isTrue();
		// Signed out on node A with the form node B rendered (the CSRF token is the same on every node).
		var signedOut = browser.send(HttpRequest.newBuilder(URI.create(a + "/sign-out"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + encode(signOutForm.group(1))))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedOut.statusCode()).as(signedOut.body()).isEqualTo(302);

		var replayedOnB = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(b + "/profile"))
			.header("Cookie", "MORSEL_SESSION=" + session.getValue()).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(replayedOnB.statusCode()).isEqualTo(302);
		assertThat(replayedOnB.headers().firstValue("Location").orElseThrow()).endsWith("/sign-in");
	}

	private static HttpCookie copy(HttpCookie cookie) {
		var copy = new HttpCookie(cookie.getName(), cookie.getValue());
		copy.setPath("/");
		return copy;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
