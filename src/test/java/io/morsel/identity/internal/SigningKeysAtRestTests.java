package io.morsel.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.morsel.MorselApplication;
import io.morsel.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Signing keys are stored encrypted under the master key (MORSEL_SECRETS_KEY); production does not start without it,
 * nor with another than the keys were sealed with, and a new master key keeps the signing keys, so sessions go on.
 */
class SigningKeysAtRestTests {

	private static final String FIRST = key("first master key of these tests!");
	private static final String SECOND = key("second master key of these test!");

	@Test
	void storesKeysEncryptedAndKeepsThemThroughARotationOfTheMasterKey() {
		var db = TestInfrastructure.freshDatabase();
		byte[] sessionKey;
		try (var app = start(db, FIRST, "")) {
			sessionKey = app.getBean(SigningKeys.class).key("session-cookie").clone();
			var stored = app.getBean(JdbcClient.class)
				.sql("SELECT secret FROM signing_keys WHERE purpose = 'session-cookie'")
				.query(byte[].class)
				.single();

			assertThat(sessionKey).hasSize(32);
			assertThat(new String(stored, StandardCharsets.ISO_8859_1))
				.doesNotContain(new String(sessionKey, StandardCharsets.ISO_8859_1));
		}

		assertThatThrownBy(() -> start(db, SECOND, "").close()).rootCause()
			.hasMessageContaining("Signing key '")
			.hasMessageContaining("is sealed with master key")
			.hasMessageContaining("MORSEL_SECRETS_KEY");

		try (var rotated = start(db, SECOND, FIRST)) {
			assertThat(rotated.getBean(SigningKeys.class).key("session-cookie")).isEqualTo(sessionKey);
		}
		try (var afterwards = start(db, SECOND, "")) {
			assertThat(afterwards.getBean(SigningKeys.class).key("session-cookie")).isEqualTo(sessionKey);
		}
	}

	@Test
	void productionRefusesToStartWithoutAMasterKey() {
		assertThatThrownBy(() -> start(TestInfrastructure.freshDatabase(), "", "").close()).rootCause()
			.hasMessageContaining("MORSEL_SECRETS_KEY is not set");
	}

	private static ConfigurableApplicationContext start(TestInfrastructure.Database db, String key, String previous) {
		// Command-line arguments outrank the environment's MORSEL_SECRETS_KEY the build sets for every test.
		return new SpringApplicationBuilder(MorselApplication.class).profiles("prod")
			.run("--server.port=0", "--spring.datasource.url=" + db.url(),
					"--spring.datasource.username=" + db.username(), "--spring.datasource.password=" + db.password(),
					"--spring.mail.host=127.0.0.1",
					"--spring.mail.port=" + TestInfrastructure.mail().getSmtp().getPort(),
					"--morsel.mail.outbox=target/outbox", "--morsel.secrets.key=" + key,
					"--morsel.secrets.previous-keys=" + previous);
	}

	private static String key(String thirtyTwoCharacters) {
		return Base64.getEncoder().encodeToString(thirtyTwoCharacters.getBytes(StandardCharsets.US_ASCII));
	}
}
