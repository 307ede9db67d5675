package io.morsel.delivery.web;

import io.morsel.delivery.ChannelSettings;
import io.morsel.delivery.Channels;
import io.morsel.delivery.LearnerChannels;
import io.morsel.identity.CurrentMember;
import io.morsel.shared.InvalidValueException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organisation's Slack, Teams and webhook settings with the dead-letter list (administrators), and a member's own
 * choice of Slack and Teams (a form of their delivery settings page).
 */
@Controller
class ChannelsController {

	private static final String CHANNELS = "delivery/channels";

	private final Channels channels;

	ChannelsController(Channels channels) {
		this.channels = channels;
	}

	/** The administrators' form; secret fields left empty keep what is set. */
	record ChannelForm(@Nullable Boolean slackEnabled, @Nullable String slackApi, @Nullable String slackToken,
			@Nullable String slackSigningSecret, @Nullable Boolean teamsEnabled, @Nullable String webhookUrl,
			@Nullable String webhookSecret) {

		/** An unticked box sends nothing: off. */
		ChannelSettings.Change change() {
			return new ChannelSettings.Change(Boolean.TRUE.equals(slackEnabled), slackApi, keep(slackToken),
					keep(slackSigningSecret), Boolean.TRUE.equals(teamsEnabled), webhookUrl, keep(webhookSecret));
		}

		private static @Nullable String keep(@Nullable String secret) {
			return secret == null || secret.isBlank() ? null : secret;
		}
	}

	@GetMapping("/delivery/channels")
	String channels(@AuthenticationPrincipal CurrentMember me, Model model) {
		model.addAttribute("settings", channels.settings(me.organisationId()));
		model.addAttribute("deadLetters", channels.deadLetters(me.organisationId(), 100));
		model.addAttribute("organisationId", me.organisationId().value());
		return CHANNELS;
	}

	@PostMapping("/delivery/channels")
	ModelAndView save(@AuthenticationPrincipal CurrentMember me, ChannelForm form, RedirectAttributes redirect) {
		try {
			channels.change(me.organisationId(), form.change());
		}
		catch (InvalidValueException refused) {
			var page = new ModelAndView(CHANNELS, HttpStatus.BAD_REQUEST);
			page.addObject("error", refused.getBody().getDetail());
			page.addObject("settings", channels.settings(me.organisationId()));
			page.addObject("deadLetters", channels.deadLetters(me.organisationId(), 100));
			page.addObject("organisationId", me.organisationId().value());
			return page;
		}
		redirect.addFlashAttribute("flash", "flash.delivery.saved");
		return new ModelAndView("redirect:/delivery/channels");
	}

	@PostMapping("/delivery/dead-letters/{id}/replay")
	String replay(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id, RedirectAttributes redirect) {
		channels.replay(me.organisationId(), id);
		redirect.addFlashAttribute("flash", "flash.delivery.replayed");
		return "redirect:/delivery/channels";
	}

	@PostMapping("/delivery/settings/channels")
	String choose(@AuthenticationPrincipal CurrentMember me, @RequestParam(defaultValue = "false") boolean slack,
			@RequestParam(required = false) String slackUser, @RequestParam(defaultValue = "false") boolean teams,
			@RequestParam(required = false) String teamsUrl, RedirectAttributes redirect) {
		try {
			channels.choose(me.organisationId(), me.userId(), new LearnerChannels(slack, slackUser, teams, teamsUrl));
		}
		catch (InvalidValueException refused) {
			redirect.addFlashAttribute("channelError", refused.getBody().getDetail());
			return "redirect:/delivery/settings";
		}
		redirect.addFlashAttribute("flash", "flash.delivery.saved");
		return "redirect:/delivery/settings";
	}
}
