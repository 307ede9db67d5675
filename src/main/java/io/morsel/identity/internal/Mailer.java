package io.morsel.identity.internal;

import io.morsel.identity.OutboundMail;
import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Date;
import java.util.Properties;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Morsel's {@link OutboundMail}. With an SMTP server configured ({@code spring.mail.host}) messages go through it;
 * without one, as on the embedded default, each message is written as an {@code .eml} file to the outbox folder,
 * where it can be opened with any mail program.
 */
@Component
class Mailer implements OutboundMail {

	private static final Logger log = LoggerFactory.getLogger(Mailer.class);

	private final ObjectProvider<JavaMailSender> smtp;
	private final Path outbox;
	private final String from;
	private final Clock clock;
	private final @Nullable SmtpConnections connections;

	Mailer(ObjectProvider<JavaMailSender> smtp, @Value("${morsel.mail.outbox:./data/outbox}") Path outbox,
			@Value("${morsel.mail.from:Morsel <no-reply@morsel.localhost>}") String from,
			@Value("${morsel.mail.kept-connections:4}") int keptConnections, Clock clock) {
		this.smtp = smtp;
		this.outbox = outbox;
		this.from = from;
		this.clock = clock;
		this.connections = smtp.getIfAvailable() instanceof JavaMailSenderImpl configured && keptConnections > 0
				? new SmtpConnections(configured, keptConnections) : null;
	}

	@PreDestroy
	void closeConnections() {
		if (connections != null) {
			connections.close();
		}
	}

	@Override
	public void send(Message message) {
		var sender = smtp.getIfAvailable();
		try {
			var mime = new KeptIdMessage(sender instanceof JavaMailSenderImpl configured ? configured.getSession()
					: Session.getInstance(new Properties()));
			mime.setFrom(new InternetAddress(from));
			mime.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(message.to()));
			mime.setSubject(message.subject(), "UTF-8");
			if (message.html() == null) {
				mime.setText(message.text(), "UTF-8");
			}
			else {
				mime.setContent(alternatives(message.text(), message.html()));
			}
			for (var header : message.headers().entrySet()) {
				mime.setHeader(header.getKey(), header.getValue());
			}
			mime.setSentDate(Date.from(clock.instant()));
			if (connections != null) {
				connections.send(mime);
				return;
			}
			if (sender != null) {
				sender.send(mime);
				return;
			}
			Files.createDirectories(outbox);
			var file = outbox.resolve(clock.instant().toEpochMilli() + "-" + UUID.randomUUID() + ".eml");
			try (OutputStream out = Files.newOutputStream(file)) {
				mime.writeTo(out);
			}
			log.info("No SMTP server configured: wrote mail to {} for {} to {}", message.subject(), message.to(),
					file.toAbsolutePath());
		}
		catch (MessagingException | IOException e) {
			throw new IllegalStateException("Could not send mail to " + message.to(), e);
		}
	}

	/**
	 * A message that keeps the Message-ID its sender gave it (a module that may hand the same mail over twice names it
	 * the same both times, so that mail stores keep it once); others get a fresh one as usual.
	 */
	private static final class KeptIdMessage extends MimeMessage {

		KeptIdMessage(Session session) {
			super(session);
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			if (getHeader("Message-ID") == null) {
				super.updateMessageID();
			}
		}
	}

	/** The plain text first: mail programs show the last alternative they can, so HTML wins where it is shown. */
	private static MimeMultipart alternatives(String text, String html) throws MessagingException {
		var plain = new MimeBodyPart();
		plain.setText(text, "UTF-8");
		var rich = new MimeBodyPart();
		rich.setText(html, "UTF-8", "html");
		return new MimeMultipart("alternative", plain, rich);
	}
}
