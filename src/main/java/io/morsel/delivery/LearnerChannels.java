package io.morsel.delivery;

import org.jspecify.annotations.Nullable;

/**
 * The channels beyond in-app and email that a learner chose: Slack, as the Slack member they are in the
 * organisation's workspace, and Microsoft Teams, through a workflow of their own that posts to their chat.
 *
 * @param slackUser their Slack member id, such as {@code U024BE7LH}
 * @param teamsUrl the address of their Teams workflow ("post to a chat when a webhook request is received")
 */
public record LearnerChannels(boolean slack, @Nullable String slackUser, boolean teams, @Nullable String teamsUrl) {

	static final LearnerChannels NONE = new LearnerChannels(false, null, false, null);
}
