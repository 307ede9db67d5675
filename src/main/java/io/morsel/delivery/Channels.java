package io.morsel.delivery;

import io.morsel.identity.OrganisationId;
import io.morsel.identity.SecretSeal;
import io.morsel.identity.UserId;
import io.morsel.shared.InvalidValueException;
import io.morsel.shared.NotFoundException;
import io.morsel.shared.Timestamps;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Channels beyond in-app and email (docs/delivery.md, "Channels"): each organisation's Slack, Teams and webhook
 * settings, with their secrets sealed under the master key; each learner's choice of them; and the dead-letter list of
 * messages given up on, which an administrator can replay.
 */
@Service
public class Channels {

	private static final String PURPOSE = "delivery-channel-secret";
	private static final Pattern SLACK_MEMBER = Pattern.compile("[UW][A-Z0-9]{2,20}");

	/** The secrets of an organisation's channels, unsealed for a send; {@code null} where none is set. */
	record Secrets(@Nullable String slackToken, @Nullable String slackSigningSecret, @Nullable String webhookSecret) {
	}

	private final JdbcClient jdbc;
	private final SecretSeal seal;
	private final Clock clock;

	Channels(JdbcClient jdbc, SecretSeal seal, Clock clock) {
		this.jdbc = jdbc;
		this.seal = seal;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public ChannelSettings settings(OrganisationId organisation) {
		return jdbc.sql("""
				SELECT slack_enabled, slack_api, slack_token, slack_signing_secret, teams_enabled, webhook_url,
				       webhook_secret
				FROM delivery_channel_settings
				WHERE organisation_id = :organisation
				""")
			.param("organisation", organisation.value())
			.query((rs, n) -> new ChannelSettings(rs.getBoolean("slack_enabled"), rs.getString("slack_api"),
					rs.getBytes("slack_token") != null, rs.getBytes("slack_signing_secret") != null,
					rs.getBoolean("teams_enabled"), rs.getString("webhook_url"), rs.getBytes("webhook_secret") != null))
			.optional()
			.orElse(ChannelSettings.NONE);
	}

	/**
	 * Replaces the organisation's channel settings; a secret left {@code null} stays as it was.
	 *
	 * @throws InvalidValueException when an address is not an absolute http(s) URL, or Slack is enabled without its
	 *     token and signing secret
	 */
	@Transactional
	public ChannelSettings change(OrganisationId organisation, ChannelSettings.Change change) {
		var slackApi = blank(change.slackApi()) ? ChannelSettings.SLACK_API : address("Slack's API address",
				change.slackApi().strip());
		var webhookUrl = blank(change.webhookUrl()) ? null : address("The webhook address", change.webhookUrl().strip());
		var stored = storedSecrets(organisation);
		var token = change.slackToken() == null ? stored.slackToken() : emptyToNull(change.slackToken());
		var signing = change.slackSigningSecret() == null ? stored.slackSigningSecret()
				: emptyToNull(change.slackSigningSecret());
		var webhookSecret = change.webhookSecret() == null ? stored.webhookSecret() : emptyToNull(change.webhookSecret());
		if (change.slackEnabled() && (token == null || signing == null)) {
			throw new InvalidValueException("delivery.refused.slack-needs-bot-token-signing-secret");
		}
		if (webhookUrl != null && webhookSecret == null) {
			throw new InvalidValueException("delivery.refused.webhook-needs-secret-sign-requests");
		}
		var sealedWith = seal.seal(PURPOSE, new byte[0]).sealedWith();
		jdbc.sql("DELETE FROM delivery_channel_settings WHERE organisation_id = :organisation")
			.param("organisation", organisation.value())
			.update();
		jdbc.sql("""
				INSERT INTO delivery_channel_settings (organisation_id, slack_enabled, slack_api, slack_token,
				                                       slack_signing_secret, teams_enabled, webhook_url,
				                                       webhook_secret, sealed_with)
				VALUES (:organisation, :slackEnabled, :slackApi, :token, :signing, :teams, :webhookUrl, :webhookSecret,
				        :sealedWith)
				""")
			.param("organisation", organisation.value())
			.param("slackEnabled", change.slackEnabled())
			.param("slackApi", slackApi)
			.param("token", sealed(token))
			.param("signing", sealed(signing))
			.param("teams", change.teamsEnabled())
			.param("webhookUrl", webhookUrl)
			.param("webhookSecret", sealed(webhookSecret))
			.param("sealedWith", sealedWith)
			.update();
		return settings(organisation);
	}

	@Transactional(readOnly = true)
	public LearnerChannels learner(OrganisationId organisation, UserId learner) {
		return jdbc.sql("""
				SELECT slack, slack_user, teams, teams_url
				FROM delivery_learners
				WHERE organisation_id = :organisation
				  AND user_id = :user
				""")
			.param("organisation", organisation.value())
			.param("user", learner.value())
			.query((rs, n) -> new LearnerChannels(rs.getBoolean("slack"), rs.getString("slack_user"),
					rs.getBoolean("teams"), rs.getString("teams_url")))
			.optional()
			.orElse(LearnerChannels.NONE);
	}

	/**
	 * Records the learner's choice of channels.
	 *
	 * @throws InvalidValueException when Slack is chosen without a Slack member id, or Teams without an https address
	 */
	@Transactional
	public LearnerChannels choose(OrganisationId organisation, UserId learner, LearnerChannels chosen) {
		var slackUser = blank(chosen.slackUser()) ? null : chosen.slackUser().strip();
		var teamsUrl = blank(chosen.teamsUrl()) ? null : address("The Teams workflow address", chosen.teamsUrl().strip());
		if (slackUser != null && !SLACK_MEMBER.matcher(slackUser).matches()) {
			throw new InvalidValueException("delivery.refused.slack-member-id-looks-like-u024be7lh");
		}
		if (chosen.slack() && slackUser == null) {
			throw new InvalidValueException("delivery.refused.give-your-slack-member-id-get");
		}
		if (chosen.teams() && teamsUrl == null) {
			throw new InvalidValueException("delivery.refused.give-address-your-teams-workflow-get");
		}
		jdbc.sql("""
				INSERT INTO delivery_learners (organisation_id, user_id)
				VALUES (:organisation, :user)
				ON CONFLICT DO NOTHING
				""").param("organisation", organisation.value()).param("user", learner.value()).update();
		jdbc.sql("""
				UPDATE delivery_learners
				SET slack = :slack, slack_user = :slackUser, teams = :teams, teams_url = :teamsUrl
				WHERE organisation_id = :organisation
				  AND user_id = :user
				""")
			.param("slack", chosen.slack())
			.param("slackUser", slackUser)
			.param("teams", chosen.teams())
			.param("teamsUrl", teamsUrl)
			.param("organisation", organisation.value())
			.param("user", learner.value())
			.update();
		return learner(organisation, learner);
	}

	/** The organisation's messages given up on, newest first. */
	@Transactional(readOnly = true)
	public List<DeadLetter> deadLetters(OrganisationId organisation, int limit) {
		return jdbc.sql("""
				SELECT id, user_id, send_id, channel, attempts, last_error, created_at
				FROM delivery_channel_messages
				WHERE organisation_id = :organisation
				  AND status = 'DEAD'
				ORDER BY created_at DESC, id
				LIMIT :limit
				""")
			.param("organisation", organisation.value())
			.param("limit", limit)
			.query((rs, n) -> new DeadLetter(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
					rs.getObject("send_id", UUID.class), rs.getString("channel"), rs.getInt("attempts"),
					rs.getString("last_error"), Timestamps.read(rs, "created_at")))
			.list();
	}

	/**
	 * Sends a dead letter again, as if new: its attempts start over now.
	 *
	 * @throws NotFoundException when the organisation has no such dead letter
	 */
	@Transactional
	public void replay(OrganisationId organisation, UUID deadLetter) {
		var replayed = jdbc.sql("""
				UPDATE delivery_channel_messages
				SET status = 'PENDING', attempts = 0, next_attempt_at = :now, claimed_until = NULL
				WHERE organisation_id = :organisation
				  AND id = :id
				  AND status = 'DEAD'
				""")
			.param("now", Timestamps.of(clock.instant()))
			.param("organisation", organisation.value())
			.param("id", deadLetter)
			.update();
		if (replayed == 0) {
			throw new NotFoundException("not-found.dead-letter");
		}
	}

	/** The organisation's secrets, unsealed: for sending and for checking Slack's requests. */
	Secrets secrets(OrganisationId organisation) {
		return storedSecrets(organisation);
	}

	private Secrets storedSecrets(OrganisationId organisation) {
		return jdbc.sql("""
				SELECT slack_token, slack_signing_secret, webhook_secret, sealed_with
				FROM delivery_channel_settings
				WHERE organisation_id = :organisation
				""")
			.param("organisation", organisation.value())
			.query((rs, n) -> {
				var with = rs.getString("sealed_with");
				return new Secrets(unsealed(rs.getBytes("slack_token"), with),
						unsealed(rs.getBytes("slack_signing_secret"), with), unsealed(rs.getBytes("webhook_secret"), with));
			})
			.optional()
			.orElse(new Secrets(null, null, null));
	}

	private byte @Nullable [] sealed(@Nullable String secret) {
		return secret == null ? null : seal.seal(PURPOSE, secret.getBytes(StandardCharsets.UTF_8)).bytes();
	}

	private @Nullable String unsealed(byte @Nullable [] bytes, String sealedWith) {
		return bytes == null ? null
				: new String(seal.unseal(PURPOSE, new SecretSeal.Sealed(bytes, sealedWith)), StandardCharsets.UTF_8);
	}

	private static String address(String what, String value) {
		try {
			var uri = new URI(value);
			var scheme = Optional.ofNullable(uri.getScheme()).orElse("");
			if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null && value.length() <= 500) {
				return value;
			}
		}
		catch (java.net.URISyntaxException malformed) {
			// Refused below with the same words.
		}
		throw new InvalidValueException("delivery.refused.must-absolute-http-https-address", what);
	}

	private static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
	}

	private static @Nullable String emptyToNull(String value) {
		return value.isBlank() ? null : value.strip();
	}
}
