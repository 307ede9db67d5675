package io.morsel.identity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Sends one email from Morsel to one person; any module may use it (password resets, invitations, reminders, a
 * credential's announcement). Through the configured SMTP server ({@code spring.mail.host}), or, without one, as an
 * {@code .eml} file in the outbox folder ({@code morsel.mail.outbox}), which any mail program opens.
 *
 * @throws IllegalStateException from {@link #send} when the message could not be handed over
 */
public interface OutboundMail {

	void send(Message message);

	/**
	 * One message: its recipient, subject, plain text, an HTML alternative if any, and further headers such as
	 * {@code List-Unsubscribe}. Header names and values, and the subject, are single lines.
	 */
	record Message(String to, String subject, String text, @Nullable String html, Map<String, String> headers) {

		private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9-]{1,76}");

		public Message {
			if (to == null || to.isBlank() || subject == null || text == null) {
				throw new IllegalArgumentException("A message needs a recipient, a subject and a text");
			}
			if (isMultiline(to) || isMultiline(subject)) {
				throw new IllegalArgumentException("A recipient and a subject are single lines");
			}
			headers = Map.copyOf(headers);
			headers.forEach((name, value) -> {
				if (!HEADER_NAME.matcher(name).matches() || isMultiline(value)) {
					throw new IllegalArgumentException("Header '" + name + "' is not a single line of name and value");
				}
			});
		}

		/** A plain-text message without further headers. */
		public static Message plain(String to, String subject, String text) {
			return new Message(to, subject, text, null, Map.of());
		}

		/** This message with an HTML alternative to its plain text. */
		public Message withHtml(String html) {
			return new Message(to, subject, text, html, headers);
		}

		/** This message with one more header. */
		public Message withHeader(String name, String value) {
			var more = new LinkedHashMap<>(headers);
			more.put(name, value);
			return new Message(to, subject, text, html, more);
		}

		private static boolean isMultiline(String value) {
			return value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0;
		}
	}
}
