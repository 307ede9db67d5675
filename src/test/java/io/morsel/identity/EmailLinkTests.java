package io.morsel.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static io.morsel.support.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.morsel.MorselIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.servlet.MockMvc;

/** Links in emails start with Morsel's configured address, whatever Host a request claims. */
@MorselIntegrationTest
class EmailLinkTests {

	@Autowired
	MockMvc mvc;

	@Value("${morsel.base-url}")
	String baseUrl;

	@Test
	void aForgedHostCannotRedirectAResetLink() throws Exception {
		var email = "learner@globex.test";
		var before = Mailbox.of(email).messages().size();

		mvc.perform(post("/password/forgot").param("email", email).with(csrf())
			.header("Host", "evil.example").header("X-Forwarded-Host", "evil.example")
			.header("X-Forwarded-Proto", "https"));

		var messages = Mailbox.of(email).moreThan(before);
		assertThat(messages).hasSize(before + 1);
		var body = Mailbox.body(messages.getLast());
		assertThat(body).contains(baseUrl + "/password/reset/").doesNotContain("evil.example");
	}
}
