package io.morsel.delivery;

import io.morsel.catalog.PlayableLesson.Question;
import io.morsel.catalog.Score;
import io.morsel.identity.OrganisationId;
import io.morsel.identity.UserId;
import io.morsel.learning.NextUp;
import io.morsel.reinforcement.ReviewItem;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The bodies of the messages to each channel: Slack Block Kit for {@code chat.postMessage} (a button that opens the
 * item; for a single-choice review question, a button per option that Slack posts back to us), a Teams Adaptive Card
 * as a workflow receives it (buttons open links: the item, or a signed answer link per option), and the webhook's
 * event. Built once, when the send is recorded, so every retry posts the same thing.
 */
@Component
class ChannelPayloads {

	/** Slack's limit on a button's text. */
	private static final int SLACK_BUTTON_TEXT = 75;

	private final JsonMapper json;
	private final MessageSource messages;
	private final AnswerLinks answerLinks;
	private final String base;

	ChannelPayloads(JsonMapper json, MessageSource messages, AnswerLinks answerLinks,
			@Value("${morsel.base-url}") String base) {
		this.json = json;
		this.messages = messages;
		this.answerLinks = answerLinks;
		this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}

	/** A {@code chat.postMessage} body to the learner's direct messages. */
	String slack(String slackUser, UUID sendId, NextUp item, @Nullable ReviewItem question, Locale locale) {
		var body = json.createObjectNode();
		body.put("channel", slackUser);
		body.put("text", headline(item, locale));
		body.set("blocks", slackBlocks(sendId, item, question, locale));
		return body.toString();
	}

	/** The blocks that replace a Slack message once its question is answered: the question, the feedback, the link. */
	String slackAnswered(NextUp.Kind kind, String path, Question question, String picked, Score score, Locale locale) {
		var body = json.createObjectNode();
		body.put("replace_original", true);
		var verdict = Boolean.TRUE.equals(score.correct()) ? text("channel.answer.right", locale)
				: text("channel.answer.wrong", locale);
		body.put("text", verdict);
		var blocks = body.putArray("blocks");
		section(blocks, "*" + escape(question.prompt()) + "*\n" + text("channel.answer.picked", locale) + " "
				+ escape(picked));
		var feedback = new StringBuilder(verdict);
		score.feedback().forEach(line -> feedback.append('\n').append(escape(line)));
		if (score.explanation() != null) {
			feedback.append('\n').append(escape(score.explanation()));
		}
		section(blocks, feedback.toString());
		openButton(blocks, kind, path, locale);
		return body.toString();
	}

	/** A workflow's request for Teams: one Adaptive Card. */
	String teams(OrganisationId organisation, UserId learner, NextUp item, @Nullable ReviewItem question,
			Locale locale) {
		var card = json.createObjectNode();
		card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
		card.put("type", "AdaptiveCard");
		card.put("version", "1.4");
		var content = card.putArray("body");
		content.addObject().put("type", "TextBlock").put("text", text("next-up.kind." + item.kind(), locale))
			.put("weight", "Bolder");
		if (!item.title().isEmpty()) {
			content.addObject().put("type", "TextBlock").put("text", item.title()).put("wrap", true);
		}
		var actions = card.putArray("actions");
		if (question != null) {
			content.addObject().put("type", "TextBlock").put("text", question.question().prompt()).put("wrap", true);
			for (var option : question.question().options()) {
				var token = answerLinks.token(new AnswerLinks.Answer(organisation, learner, question.cardId(),
						question.reviewItemId(), option.id()));
				actions.addObject().put("type", "Action.OpenUrl").put("title", option.text())
					.put("url", base + "/channels/answers/" + token);
			}
		}
		actions.addObject().put("type", "Action.OpenUrl").put("title", openLabel(item.kind(), locale))
			.put("url", base + item.path());
		var body = json.createObjectNode();
		body.put("type", "message");
		var attachment = body.putArray("attachments").addObject();
		attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
		attachment.set("content", card);
		return body.toString();
	}

	/** The webhook's event: what was sent to whom, and where it leads. */
	String webhook(UUID messageId, OrganisationId organisation, UserId learner, UUID sendId, NextUp item,
			Instant sentAt) {
		var body = json.createObjectNode();
		body.put("id", messageId.toString());
		body.put("type", "delivery.sent");
		body.put("organisation", organisation.value().toString());
		body.put("learner", learner.value().toString());
		body.put("send", sendId.toString());
		body.put("kind", item.kind().name());
		body.put("title", item.title());
		body.put("url", base + item.path());
		body.put("minutes", item.minutes());
		body.put("sentAt", sentAt.toString());
		return body.toString();
	}

	/** The value a Slack answer button carries back: the send, the card, this showing of it and the option. */
	static String answerValue(UUID sendId, UUID cardId, UUID reviewItemId, String optionId) {
		return sendId + "/" + cardId + "/" + reviewItemId + "/" + optionId;
	}

	private ArrayNode slackBlocks(UUID sendId, NextUp item, @Nullable ReviewItem question, Locale locale) {
		var blocks = json.createArrayNode();
		var lead = "*" + escape(text("next-up.kind." + item.kind(), locale)) + "*";
		if (!item.title().isEmpty()) {
			lead += "\n" + escape(item.title());
		}
		section(blocks, lead);
		if (question != null) {
			section(blocks, escape(question.question().prompt()));
			var answers = blocks.addObject();
			answers.put("type", "actions");
			answers.put("block_id", "answer");
			var buttons = answers.putArray("elements");
			var index = 0;
			for (var option : question.question().options()) {
				var button = buttons.addObject();
				button.put("type", "button");
				button.put("action_id", "answer-" + index++);
				button.set("text", plain(option.text()));
				button.put("value", answerValue(sendId, question.cardId(), question.reviewItemId(), option.id()));
			}
		}
		openButton(blocks, item.kind(), item.path(), locale);
		return blocks;
	}

	private void openButton(ArrayNode blocks, NextUp.Kind kind, String path, Locale locale) {
		var actions = blocks.addObject();
		actions.put("type", "actions");
		actions.put("block_id", "open");
		var button = actions.putArray("elements").addObject();
		button.put("type", "button");
		button.put("action_id", "open");
		button.set("text", plain(openLabel(kind, locale)));
		button.put("url", base + path);
		button.put("style", "primary");
	}

	private void section(ArrayNode blocks, String markdown) {
		var section = blocks.addObject();
		section.put("type", "section");
		section.putObject("text").put("type", "mrkdwn").put("text", markdown);
	}

	private ObjectNode plain(String text) {
		var node = json.createObjectNode();
		node.put("type", "plain_text");
		node.put("text", text.length() > SLACK_BUTTON_TEXT ? text.substring(0, SLACK_BUTTON_TEXT - 1) + "…" : text);
		return node;
	}

	private String headline(NextUp item, Locale locale) {
		var kind = text("next-up.kind." + item.kind(), locale);
		return item.title().isEmpty() ? kind : kind + ": " + item.title();
	}

	private String openLabel(NextUp.Kind kind, Locale locale) {
		return text(kind == NextUp.Kind.REVIEW ? "channel.open.review" : "channel.open.lesson", locale);
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}

	/** Slack's mrkdwn treats these three as markup (Slack's "Formatting text": escaping). */
	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}
}
