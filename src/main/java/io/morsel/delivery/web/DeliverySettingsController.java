package io.morsel.delivery.web;

import io.morsel.delivery.Cadences;
import io.morsel.delivery.Channels;
import io.morsel.delivery.Cadences.Choices;
import io.morsel.delivery.Cadences.Level;
import io.morsel.identity.CurrentMember;
import io.morsel.shared.InvalidValueException;
import java.time.Clock;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A learner's delivery settings (channels, pause, snooze, their own cadence), and the organisation's cadence defaults
 * that administrators set; blank cadence fields inherit.
 */
@Controller
class DeliverySettingsController {

	private static final String SETTINGS = "delivery/settings";
	private static final String ORGANISATION = "delivery/organisation";

	private final Cadences cadences;
	private final Channels channels;
	private final Clock clock;

	DeliverySettingsController(Cadences cadences, Channels channels, Clock clock) {
		this.cadences = cadences;
		this.channels = channels;
		this.clock = clock;
	}

	@GetMapping("/delivery/settings")
	String settings(@AuthenticationPrincipal CurrentMember me, Model model) {
		model.addAttribute("choices", cadences.choices(me.organisationId(), me.userId()));
		model.addAttribute("cadence",
				CadenceForm.of(cadences.settings(me.organisationId(), Level.LEARNER, me.userId().value())));
		model.addAttribute("organisationChannels", channels.settings(me.organisationId()));
		model.addAttribute("mine", channels.learner(me.organisationId(), me.userId()));
		return SETTINGS;
	}

	@PostMapping("/delivery/settings")
	ModelAndView save(@AuthenticationPrincipal CurrentMember me, @RequestParam(defaultValue = "false") boolean inApp,
			@RequestParam(defaultValue = "false") boolean email, @RequestParam(defaultValue = "false") boolean paused,
			@RequestParam(defaultValue = "0") int snoozeDays, CadenceForm cadence, RedirectAttributes redirect) {
		var current = cadences.choices(me.organisationId(), me.userId());
		if (snoozeDays < 0 || snoozeDays > 30) {
			return refused(SETTINGS, "Snooze for 0 to 30 days", current, cadence, me);
		}
		var snoozed = snoozeDays == 0 ? current.snoozedUntil() : clock.instant().plus(Duration.ofDays(snoozeDays));
		try {
			cadences.set(me.organisationId(), Level.LEARNER, me.userId().value(), cadence.settings());
		}
		catch (InvalidValueException refused) {
			return refused(SETTINGS, refused.getBody().getDetail(), current, cadence, me);
		}
		cadences.choose(me.organisationId(), me.userId(), new Choices(paused, snoozed, inApp, email));
		redirect.addFlashAttribute("flash", "flash.delivery.saved");
		return new ModelAndView("redirect:/delivery/settings");
	}

	@GetMapping("/delivery/organisation")
	String organisation(@AuthenticationPrincipal CurrentMember me, Model model) {
		model.addAttribute("cadence", CadenceForm
			.of(cadences.settings(me.organisationId(), Level.ORGANISATION, me.organisationId().value())));
		return ORGANISATION;
	}

	@PostMapping("/delivery/organisation")
	ModelAndView saveOrganisation(@AuthenticationPrincipal CurrentMember me, CadenceForm cadence,
			RedirectAttributes redirect) {
		try {
			cadences.set(me.organisationId(), Level.ORGANISATION, me.organisationId().value(), cadence.settings());
		}
		catch (InvalidValueException refused) {
			return refused(ORGANISATION, refused.getBody().getDetail(), null, cadence, me);
		}
		redirect.addFlashAttribute("flash", "flash.delivery.saved");
		return new ModelAndView("redirect:/delivery/organisation");
	}

	private ModelAndView refused(String view, String error, Choices choices, CadenceForm cadence,
			CurrentMember me) {
		var page = new ModelAndView(view, HttpStatus.BAD_REQUEST);
		page.addObject("organisationChannels", channels.settings(me.organisationId()));
		page.addObject("mine", channels.learner(me.organisationId(), me.userId()));
		page.addObject("error", error);
		page.addObject("cadence", cadence);
		if (choices != null) {
			page.addObject("choices", choices);
		}
		return page;
	}
}
