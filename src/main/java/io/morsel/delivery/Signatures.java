package io.morsel.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * HMAC-SHA256 signatures of channel requests: those Morsel's webhooks carry, and those Slack puts on its
 * interactivity requests (Slack's "Verifying requests from Slack": {@code v0=} and the hex HMAC of
 * {@code v0:<timestamp>:<body>} under the app's signing secret, refused when the timestamp is more than five minutes
 * from now, against replays).
 */
final class Signatures {

	/** The header every webhook request carries: {@code t=<unix seconds>,v1=<hex HMAC of "<t>.<body>">}. */
	static final String WEBHOOK_HEADER = "Morsel-Signature";

	static final Duration SLACK_TOLERANCE = Duration.ofMinutes(5);

	private Signatures() {
	}

	/** The value of {@link #WEBHOOK_HEADER} for this body sent at this time. */
	static String webhook(String secret, Instant at, String body) {
		var seconds = at.getEpochSecond();
		return "t=" + seconds + ",v1=" + hex(hmac(secret, seconds + "." + body));
	}

	/** Whether a request signed by Slack holds: the right signature, made within {@link #SLACK_TOLERANCE} of now. */
	static boolean slackHolds(String signingSecret, @Nullable String timestamp, @Nullable String signature,
			byte[] body, Instant now) {
		if (timestamp == null || signature == null || !timestamp.matches("\\d{1,12}")) {
			return false;
		}
		var sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
		if (Duration.between(sent, now).abs().compareTo(SLACK_TOLERANCE) > 0) {
			return false;
		}
		var expected = "v0=" + hex(hmac(signingSecret, "v0:" + timestamp + ":" + new String(body, StandardCharsets.UTF_8)));
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				signature.getBytes(StandardCharsets.US_ASCII));
	}

	/** What Slack would send as {@code X-Slack-Signature}: for tests standing in for Slack, and for the docs. */
	static String slack(String signingSecret, String timestamp, String body) {
		return "v0=" + hex(hmac(signingSecret, "v0:" + timestamp + ":" + body));
	}

	private static byte[] hmac(String secret, String message) {
		try {
			var mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
		}
	}

	private static String hex(byte[] bytes) {
		return HexFormat.of().formatHex(bytes);
	}
}
