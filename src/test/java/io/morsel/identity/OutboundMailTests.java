package io.morsel.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.morsel.MorselIntegrationTest;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Any module's mail goes out through the port as it was written: both alternatives and its own headers. */
@MorselIntegrationTest
class OutboundMailTests {

	@Autowired
	OutboundMail mail;

	@Test
	void anHtmlMessageArrivesWithItsPlainTextAndItsHeaders() throws Exception {
		var to = Newcomers.email("reminded", "acme.test");

		mail.send(OutboundMail.Message.plain(to, "Your review is due", "Three cards are due today.")
			.withHtml("<p>Three cards are <strong>due</strong> today.</p>")
			.withHeader("List-Unsubscribe", "<https://morsel.example/unsubscribe/abc>"));

		var received = Mailbox.of(to).messages();
		assertThat(received).hasSize(1);
		var message = received.getFirst();
		assertThat(Mailbox.subject(message)).isEqualTo("Your review is due");
		assertThat(message.getHeader("List-Unsubscribe")).containsExactly("<https://morsel.example/unsubscribe/abc>");
		var parts = (MimeMultipart) message.getContent();
		assertThat(parts.getContentType()).startsWith("multipart/alternative");
		assertThat(parts.getCount()).isEqualTo(2);
		assertThat(parts.getBodyPart(0).isMimeType("text/plain")).isTrue();
		assertThat(parts.getBodyPart(0).getContent()).isEqualTo("Three cards are due today.");
		assertThat(parts.getBodyPart(1).isMimeType("text/html")).isTrue();
		assertThat(parts.getBodyPart(1).getContent()).isEqualTo("<p>Three cards are <strong>due</strong> today.</p>");
	}

	@Test
	void aHeaderCannotSmuggleInAnotherLine() {
		var message = OutboundMail.Message.plain("someone@acme.test", "Hello", "Hello.");

		assertThatThrownBy(() -> message.withHeader("List-Unsubscribe", "<x>\r\nBcc: everyone@example.com"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> OutboundMail.Message.plain("someone@acme.test", "Hi\nBcc: x@example.com", "Hello."))
			.isInstanceOf(IllegalArgumentException.class);
	}
}
