package io.morsel.delivery;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts the messages to Slack, Teams and webhooks that are due, on every node, every
 * {@code morsel.delivery.channel-interval} ({@link ChannelMessages}); a failure is tried again with exponential
 * backoff ({@link Backoff}) and becomes a dead letter after {@code morsel.delivery.channel-attempts} tries. One
 * platform thread per node, as the dispatcher (STACK.md, trap 14); a receiver that hangs holds it for at most
 * {@code morsel.delivery.channel-timeout}.
 */
@Component
class ChannelSender extends RepeatingWork {

	private static final Logger log = LoggerFactory.getLogger(ChannelSender.class);
	private static final int BATCH = 50;

	private final ChannelMessages messages;
	private final Channels channels;
	private final Clock clock;
	private final Duration timeout;
	private final Backoff backoff;
	private final ChannelPost post;

	ChannelSender(ChannelMessages messages, Channels channels, Clock clock, JsonMapper json,
			@Value("${morsel.delivery.channel-interval:2s}") Duration interval,
			@Value("${morsel.delivery.channel-timeout:10s}") Duration timeout,
			@Value("${morsel.delivery.channel-backoff:30s}") Duration firstBackoff,
			@Value("${morsel.delivery.channel-backoff-most:6h}") Duration mostBackoff,
			@Value("${morsel.delivery.channel-attempts:8}") int attempts,
			@Value("${morsel.delivery.dispatch-enabled:true}") boolean enabled) {
		super("delivery-channels", interval, enabled);
		this.messages = messages;
		this.channels = channels;
		this.clock = clock;
		this.timeout = timeout;
		this.backoff = new Backoff(firstBackoff, mostBackoff, attempts);
		var http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
		this.post = new ChannelPost(http, timeout, json, backoff);
	}

	/** Posts everything due now, batch after batch; returns how many messages it posted or tried. */
	int sendDue() {
		var tried = 0;
		while (true) {
			// The lease outlasts the batch's posts, each at most one timeout, so no other node takes them meanwhile.
			var taken = messages.take(clock.instant(), timeout.multipliedBy(BATCH + 1), BATCH);
			for (var message : taken) {
				try {
					send(message);
				}
				catch (RuntimeException e) {
					log.warn("Posting {} to {} failed; it is tried again", message.id(), message.channel(), e);
					messages.retryAt(message.id(), clock.instant().plus(backoff.after(message.attempt())),
							String.valueOf(e.getMessage()));
				}
			}
			tried += taken.size();
			if (taken.size() < BATCH) {
				return tried;
			}
		}
	}

	Backoff backoff() {
		return backoff;
	}

	private void send(ChannelMessages.Taken message) {
		var outcome = switch (message.channel()) {
			case "SLACK" -> slack(message);
			case "WEBHOOK" -> webhook(message);
			case "TEAMS", "SLACK_REPLY" -> post.post(message.target(), message.payload(), Map.of(), false);
			default -> new ChannelPost.Refused("Unknown channel " + message.channel());
		};
		var now = clock.instant();
		switch (outcome) {
			case ChannelPost.Delivered delivered -> messages.delivered(message.id(), now);
			case ChannelPost.Refused refused -> messages.dead(message.id(), refused.error());
			case ChannelPost.Retry retry -> {
				if (backoff.givesUpAfter(message.attempt())) {
					messages.dead(message.id(), retry.error() + " (gave up after " + message.attempt() + " attempts)");
				}
				else {
					var wait = retry.retryAfter() != null ? retry.retryAfter() : backoff.after(message.attempt());
					messages.retryAt(message.id(), now.plus(wait), retry.error());
				}
			}
		}
	}

	private ChannelPost.Outcome slack(ChannelMessages.Taken message) {
		var settings = channels.settings(message.organisationId());
		var token = channels.secrets(message.organisationId()).slackToken();
		if (!settings.slackReady() || token == null) {
			return new ChannelPost.Refused("Slack is not set up for the organisation");
		}
		var api = settings.slackApi().endsWith("/") ? settings.slackApi() : settings.slackApi() + "/";
		return post.post(api + "chat.postMessage", message.payload(), Map.of("Authorization", "Bearer " + token),
				true);
	}

	private ChannelPost.Outcome webhook(ChannelMessages.Taken message) {
		var settings = channels.settings(message.organisationId());
		var secret = channels.secrets(message.organisationId()).webhookSecret();
		if (settings.webhookUrl() == null || secret == null) {
			return new ChannelPost.Refused("The organisation has no webhook");
		}
		var headers = new HashMap<String, String>();
		headers.put(Signatures.WEBHOOK_HEADER, Signatures.webhook(secret, clock.instant(), message.payload()));
		headers.put("Morsel-Message-Id", message.id().toString());
		return post.post(settings.webhookUrl(), message.payload(), headers, false);
	}

	@Override
	void round() {
		sendDue();
	}
}
