package io.morsel.delivery;

import org.jspecify.annotations.Nullable;

/**
 * An organisation's channels beyond in-app and email, as administrators see them: secrets are never shown, only
 * whether they are set.
 *
 * @param slackApi Slack's Web API address ({@code https://slack.com/api} unless the workspace lives elsewhere)
 * @param webhookUrl where every send is posted, signed; {@code null}: no webhook
 */
public record ChannelSettings(boolean slackEnabled, String slackApi, boolean slackTokenSet,
		boolean slackSigningSecretSet, boolean teamsEnabled, @Nullable String webhookUrl, boolean webhookSecretSet) {

	public static final String SLACK_API = "https://slack.com/api";

	static final ChannelSettings NONE = new ChannelSettings(false, SLACK_API, false, false, false, null, false);

	/** Slack can be used: enabled, with a bot token and a signing secret. */
	public boolean slackReady() {
		return slackEnabled && slackTokenSet && slackSigningSecretSet;
	}

	/** The webhook can be used: an address and a secret to sign with. */
	public boolean webhookReady() {
		return webhookUrl != null && webhookSecretSet;
	}

	/**
	 * A change an administrator makes. A {@code null} secret keeps the one set; an empty one removes it.
	 */
	public record Change(boolean slackEnabled, @Nullable String slackApi, @Nullable String slackToken,
			@Nullable String slackSigningSecret, boolean teamsEnabled, @Nullable String webhookUrl,
			@Nullable String webhookSecret) {
	}
}
