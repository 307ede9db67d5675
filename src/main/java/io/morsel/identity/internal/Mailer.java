package io.morsel.identity.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Properties;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends the account emails (password reset, invitation). With an SMTP server configured
 * ({@code spring.mail.host}) they go through it; without one, as on the embedded default, each message is written
 * as an {@code .eml} file to the outbox folder, where it can be opened with any mail program.
 */
@Component
public class Mailer {

	private static final Logger log = LoggerFactory.getLogger(Mailer.class);

	private final ObjectProvider<JavaMailSender> smtp;
	private final Path outbox;
	private final String from;
	private final Clock clock;

	Mailer(ObjectProvider<JavaMailSender> smtp, @Value("${morsel.mail.outbox:./data/outbox}") Path outbox,
			@Value("${morsel.mail.from:Morsel <no-reply@morsel.localhost>}") String from, Clock clock) {
		this.smtp = smtp;
		this.outbox = outbox;
		this.from = from;
		this.clock = clock;
	}

	public void send(String to, String subject, String body) {
		var sender = smtp.getIfAvailable();
		try {
			var message = sender != null ? sender.createMimeMessage() : new MimeMessage(Session.getInstance(new Properties()));
			message.setFrom(new InternetAddress(from));
			message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(to));
			message.setSubject(subject, "UTF-8");
			message.setText(body, "UTF-8");
			message.setSentDate(java.util.Date.from(clock.instant()));
			if (sender != null) {
				sender.send(message);
				return;
			}
			Files.createDirectories(outbox);
			var file = outbox.resolve(clock.instant().toEpochMilli() + "-" + UUID.randomUUID() + ".eml");
			try (OutputStream out = Files.newOutputStream(file)) {
				message.writeTo(out);
			}
			log.info("No SMTP server configured: wrote mail to {} for {} to {}", subject, to, file.toAbsolutePath());
		}
		catch (MessagingException | IOException e) {
			throw new IllegalStateException("Could not send mail to " + to, e);
		}
	}
}
