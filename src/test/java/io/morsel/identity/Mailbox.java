package io.morsel.identity;

import io.morsel.TestInfrastructure;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One recipient's mails on the test SMTP server, which every test shares: each test reads only the mails of an
 * address it made up.
 */
final class Mailbox {

	private final String address;

	private Mailbox(String address) {
		this.address = address;
	}

	static Mailbox of(String address) {
		return new Mailbox(address);
	}

	List<MimeMessage> messages() {
		return Arrays.stream(TestInfrastructure.mail().getReceivedMessages()).filter(this::isFor).toList();
	}

	/** The mails, once there are more than this many (mail leaves after the request, on another thread). */
	List<MimeMessage> moreThan(int count) {
		var deadline = Instant.now().plus(Duration.ofSeconds(10));
		while (Instant.now().isBefore(deadline)) {
			var all = messages();
			if (all.size() > count) {
				return all;
			}
			pause();
		}
		throw new AssertionError("No more than " + count + " mails to " + address);
	}

	/** The path of the one link in the newest mail that starts with this path, once the mail has arrived. */
	String link(String pathPrefix) {
		return linkOtherThan(pathPrefix, null);
	}

	/** As {@link #link}, once a mail with a link other than this earlier one has arrived. */
	String linkOtherThan(String pathPrefix, @Nullable String earlier) {
		var pattern = Pattern.compile("https?://[^/\\s]+(" + Pattern.quote(pathPrefix) + "[A-Za-z0-9_-]+)");
		var deadline = Instant.now().plus(Duration.ofSeconds(10));
		while (Instant.now().isBefore(deadline)) {
			var all = messages();
			if (!all.isEmpty()) {
				var link = pattern.matcher(body(all.getLast()));
				if (link.find() && !link.group(1).equals(earlier)) {
					return link.group(1);
				}
			}
			pause();
		}
		throw new AssertionError("No mail to " + address + " with a link to " + pathPrefix);
	}

	static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	static String body(MimeMessage message) {
		try {
			return String.valueOf(message.getContent());
		}
		catch (IOException | MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	private boolean isFor(MimeMessage message) {
		try {
			var to = message.getRecipients(Message.RecipientType.TO);
			return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(address));
		}
		catch (MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	private static void pause() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
