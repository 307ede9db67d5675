package io.morsel.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Slack's request signatures, checked as Slack documents them; and the webhook's own. */
class SignaturesTests {

	// The example of Slack's "Verifying requests from Slack".
	private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
	private static final String TIMESTAMP = "1531420618";
	private static final String BODY = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&"
			+ "channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&"
			+ "text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&"
			+ "trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
	private static final String SLACKS_SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

	private final Instant then = Instant.ofEpochSecond(Long.parseLong(TIMESTAMP));

	@Test
	void slacksOwnExampleHolds() {
		assertThat(Signatures.slack(SECRET, TIMESTAMP, BODY)).isEqualTo(SLACKS_SIGNATURE);
		assertThat(Signatures.slackHolds(SECRET, TIMESTAMP, SLACKS_SIGNATURE, bytes(BODY), then.plusSeconds(60))).isTrue();
	}

	@Test
	void anAlteredBodyAnotherSecretOrAMissingHeaderDoesNotHold() {
		assertThat(Signatures.slackHolds(SECRET, TIMESTAMP, SLACKS_SIGNATURE, bytes(BODY + "x"), then)).isFalse();
		assertThat(Signatures.slackHolds("another", TIMESTAMP, SLACKS_SIGNATURE, bytes(BODY), then)).isFalse();
		assertThat(Signatures.slackHolds(SECRET, null, SLACKS_SIGNATURE, bytes(BODY), then)).isFalse();
		assertThat(Signatures.slackHolds(SECRET, TIMESTAMP, null, bytes(BODY), then)).isFalse();
		assertThat(Signatures.slackHolds(SECRET, "soon", SLACKS_SIGNATURE, bytes(BODY), then)).isFalse();
	}

	@Test
	void aRequestMoreThanFiveMinutesOffIsAReplay() {
		assertThat(Signatures.slackHolds(SECRET, TIMESTAMP, SLACKS_SIGNATURE, bytes(BODY), then.plusSeconds(301)))
			.isFalse();
		assertThat(Signatures.slackHolds(SECRET, TIMESTAMP, SLACKS_SIGNATURE, bytes(BODY), then.minusSeconds(301)))
			.isFalse();
	}

	@Test
	void theWebhookSignatureNamesItsTimeAndCoversTimeAndBody() {
		var at = Instant.ofEpochSecond(1_764_500_000L);
		var signature = Signatures.webhook("s3cret", at, "{\"a\":1}");
		assertThat(signature).startsWith("t=1764500000,v1=").hasSize("t=1764500000,v1=".length() + 64);
		assertThat(Signatures.webhook("s3cret", at.plusSeconds(1), "{\"a\":1}")).isNotEqualTo(signature);
		assertThat(Signatures.webhook("s3cret", at, "{\"a\":2}")).isNotEqualTo(signature);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}
}
