package io.morsel.identity.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.concurrent.LinkedBlockingDeque;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * SMTP connections kept open between mails, at most {@code size} of them idle: opening a connection (TCP, greeting,
 * EHLO, TLS, login) costs several round trips, more than handing a message over, so that with a connection per mail
 * the mails of a batch of sends trailed far behind the sends. A connection is used by one mail at a time; one that
 * the server has closed meanwhile (it answers no NOOP) is dropped before use, never after a message was handed over,
 * so that no mail is given twice.
 */
final class SmtpConnections implements AutoCloseable {

	private final JavaMailSenderImpl configured;
	private final LinkedBlockingDeque<Transport> idle;

	SmtpConnections(JavaMailSenderImpl configured, int size) {
		this.configured = configured;
		this.idle = new LinkedBlockingDeque<>(size);
	}

	/** Hands the message to the SMTP server over a kept connection, or a new one if none is idle. */
	void send(MimeMessage message) throws MessagingException {
		message.saveChanges();
		var transport = take();
		try {
			transport.sendMessage(message, message.getAllRecipients());
		}
		catch (MessagingException | RuntimeException e) {
			closeQuietly(transport);
			throw e;
		}
		if (!idle.offerFirst(transport)) {
			closeQuietly(transport);
		}
	}

	private Transport take() throws MessagingException {
		Transport kept;
		while ((kept = idle.pollFirst()) != null) {
			// Asks the server (NOOP): a connection it closed while idle is dropped here, before any message.
			if (kept.isConnected()) {
				return kept;
			}
			closeQuietly(kept);
		}
		var session = configured.getSession();
		var protocol = configured.getProtocol() != null ? configured.getProtocol()
				: session.getProperty("mail.transport.protocol") != null ? session.getProperty("mail.transport.protocol")
						: "smtp";
		var opened = session.getTransport(protocol);
		opened.connect(configured.getHost(), configured.getPort(), configured.getUsername(), configured.getPassword());
		return opened;
	}

	@Override
	public void close() {
		Transport kept;
		while ((kept = idle.pollFirst()) != null) {
			closeQuietly(kept);
		}
	}

	private static void closeQuietly(Transport transport) {
		try {
			transport.close();
		}
		catch (MessagingException e) {
			// Already gone.
		}
	}
}
