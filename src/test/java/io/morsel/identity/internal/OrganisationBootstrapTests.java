package io.morsel.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.MorselApplication;
import io.morsel.TestInfrastructure;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A fresh production installation gets its first organisation and admin from three settings. */
class OrganisationBootstrapTests {

	@Test
	void freshInstallationCreatesTheOrganisationAndInvitesItsFirstAdminOnce() throws Exception {
		var db = TestInfrastructure.freshDatabase();
		var mail = TestInfrastructure.mail();
		var email = "first-admin-" + System.nanoTime() + "@initech.test";
		Map<String, Object> settings = Map.of("spring.datasource.url", db.url(), "spring.datasource.username",
				db.username(), "spring.datasource.password", db.password(), "spring.mail.host", "127.0.0.1",
				"spring.mail.port", mail.getSmtp().getPort(), "server.port", 0, "morsel.bootstrap.organisation-slug",
				"initech", "morsel.bootstrap.organisation-name", "Initech", "morsel.bootstrap.admin-email", email,
				"morsel.base-url", "https://learn.initech.test");

		for (int start = 0; start < 2; start++) {
			try (var app = new SpringApplicationBuilder(MorselApplication.class).profiles("prod")
				.run(arguments(settings))) {
				var jdbc = app.getBean(JdbcClient.class);
				assertThat(jdbc.sql("SELECT name FROM organisations WHERE slug = 'initech'").query(String.class).list())
					.containsExactly("Initech");
				assertThat(jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single()).isZero();
			}
		}

		var invitations = Arrays.stream(mail.getReceivedMessages()).filter(m -> sentTo(m, email)).toList();
		assertThat(invitations).hasSize(1);
		var body = (String) invitations.getFirst().getContent();
		assertThat(body).contains("first admin");
		assertThat(Pattern.compile("https://learn\\.initech\\.test/invitations/[A-Za-z0-9_-]{40,}").matcher(body).find())
			.isTrue();
	}

	/** Command-line arguments, which take precedence over the profile's properties as the environment would. */
	private static String[] arguments(Map<String, Object> settings) {
		return settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
	}

	private static boolean sentTo(MimeMessage message, String email) {
		try {
			return Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equals(email));
		}
		catch (jakarta.mail.MessagingException e) {
			throw new IllegalStateException(e);
		}
	}
}
