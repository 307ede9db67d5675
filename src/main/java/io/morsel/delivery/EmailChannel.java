package io.morsel.delivery;

import io.morsel.identity.Directory;
import io.morsel.identity.OutboundMail;
import io.morsel.shared.PublicationKeptOpen;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Emails a nudge that went out to a learner who chose email: HTML and plain text through identity's
 * {@link OutboundMail}, with RFC 8058 one-click unsubscribe ({@code List-Unsubscribe} pointing at a signed link that
 * works without sign-in, and {@code List-Unsubscribe-Post}). Fed by the event publication log, so a node that stops
 * before the mail went out leaves the publication incomplete, and it is sent when it is resubmitted; a send already
 * mailed is not mailed again.
 */
@Component
class EmailChannel {

	private final Semaphore mailing = new Semaphore(4);

	private final Sends sends;
	private final Directory directory;
	private final OutboundMail mail;
	private final UnsubscribeLinks unsubscribe;
	private final MessageSource messages;
	private final ITemplateEngine templates;
	private final String base;
	private final String messageIdDomain;
	private final Duration hold;

	EmailChannel(Sends sends, Directory directory, OutboundMail mail, UnsubscribeLinks unsubscribe,
			MessageSource messages, ITemplateEngine templates, @Value("${morsel.base-url}") String base,
			@Value("${morsel.delivery.mail-hold:2m}") Duration hold) {
		this.sends = sends;
		this.directory = directory;
		this.mail = mail;
		this.unsubscribe = unsubscribe;
		this.messages = messages;
		this.templates = templates;
		this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
		this.messageIdDomain = Optional.ofNullable(URI.create(this.base).getHost()).orElse("morsel.localhost");
		this.hold = hold;
	}

	/** Mails the send after its commit, through the publication log, a few mails at a time (ADR 0039). */
	// Not an @ApplicationModuleListener: a batch of sends publishes its events at once, and a task each holding a
	// connection in its own transaction through rendering and SMTP emptied the pool, so that the rest gave up after
	// the pool's timeout and left their mails until the next start resubmitted them.
	@Async
	@TransactionalEventListener
	void on(DeliverySent sent) {
		mailing.acquireUninterruptibly();
		try {
			mail(sent);
		}
		finally {
			mailing.release();
		}
	}

	private void mail(DeliverySent sent) {
		if (!sent.email()) {
			return;
		}
		var send = sends.find(sent.organisationId(), sent.sendId()).orElse(null);
		var recipient = directory.recipient(sent.organisationId(), sent.learner()).orElse(null);
		if (send == null || recipient == null || send.emailedAt() != null) {
			return;
		}
		switch (sends.takeMail(send.id(), hold)) {
			case DONE -> {
				return;
			}
			// Keeps the publication incomplete: the node holding the mail may yet fail, or have stopped.
			case HELD_ELSEWHERE -> throw new MailHeldElsewhere(send.id());
			case TAKEN -> {
			}
		}
		var locale = recipient.locale();
		var token = unsubscribe.token(sent.organisationId(), sent.learner());
		var oneClick = base + "/api/v1/unsubscribe/" + token;
		var page = base + "/unsubscribe/" + token;
		var link = base + send.path();
		var subject = send.title().isEmpty() ? text("mail.nudge.subject." + send.kind(), locale)
				: text("mail.nudge.subject." + send.kind(), locale) + ": " + send.title();
		var plain = messages.getMessage("mail.nudge.text", new Object[] { recipient.name(),
				text("next-up.kind." + send.kind(), locale), send.title(), send.minutes(), link, page }, locale);
		var context = new Context(locale);
		context.setVariable("name", recipient.name());
		context.setVariable("send", send);
		context.setVariable("link", link);
		context.setVariable("unsubscribe", page);
		var html = templates.process("delivery/mail", context);
		var message = OutboundMail.Message.plain(recipient.email(), subject.replaceAll("[\\r\\n]+", " "), plain)
			.withHtml(html)
			.withHeader("List-Unsubscribe", "<" + oneClick + ">")
			.withHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")
			// The same for every attempt at this send: a mail handed over again after a node stopped before recording
			// it is recognisably the same message, which mail stores keep once.
			.withHeader("Message-ID", messageId(send.id()));
		mail.send(message);
		sends.markEmailed(send.id());
	}

	String messageId(UUID send) {
		return "<send-" + send + "@" + messageIdDomain + ">";
	}

	/** Another node is handing this send's mail to SMTP, and its hold has not lapsed. */
	static final class MailHeldElsewhere extends PublicationKeptOpen {

		MailHeldElsewhere(UUID send) {
			super("The mail of send " + send + " is being handed over by another node");
		}
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}
}
