package io.morsel.delivery.web;

import io.morsel.catalog.Program;
import io.morsel.catalog.ProgramId;
import io.morsel.delivery.Series;
import io.morsel.identity.CurrentMember;
import io.morsel.learning.Learner;
import io.morsel.shared.NotFoundException;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
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
 * A learner's series as pages: taking a program as one lesson a day at a time of their own clock, and their series
 * with pause, resume and leave. Plain forms; the API ({@code /api/v1/delivery/series}) calls the same {@link Series}.
 */
@Controller
class SeriesController {

	private static final String LIST = "delivery/series";
	private static final String FORM = "delivery/series-form";
	private static final int DEFAULT_DAYS = 10;
	private static final String DEFAULT_AT = "08:00";

	private final Series series;

	SeriesController(Series series) {
		this.series = series;
	}

	@GetMapping("/delivery/series")
	String list(@AuthenticationPrincipal CurrentMember me, Model model) {
		var learner = Learner.of(me);
		var mine = series.of(learner).stream().filter(s -> !s.status().equals("LEFT")).toList();
		var taken = mine.stream().filter(s -> !s.status().equals("FINISHED")).map(s -> s.programId()).toList();
		model.addAttribute("series", mine);
		model.addAttribute("programs",
				series.takeable(learner).stream().filter(p -> !taken.contains(p.id().value())).toList());
		return LIST;
	}

	@GetMapping("/delivery/series/programs/{id}")
	String form(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id, Model model) {
		model.addAttribute("program", takeable(me, id));
		model.addAttribute("days", DEFAULT_DAYS);
		model.addAttribute("at", DEFAULT_AT);
		model.addAttribute("zone", me.zone().getId());
		return FORM;
	}

	@PostMapping("/delivery/series/programs/{id}")
	ModelAndView subscribe(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String days, @RequestParam(defaultValue = "") String at,
			RedirectAttributes redirect) {
		var program = takeable(me, id);
		var count = days(days);
		var time = time(at);
		if (count == null || time == null) {
			var page = new ModelAndView(FORM, HttpStatus.BAD_REQUEST);
			page.addObject("program", program);
			page.addObject("days", days);
			page.addObject("at", at);
			page.addObject("zone", me.zone().getId());
			page.addObject("error", count == null ? "delivery.series.error.days" : "delivery.series.error.at");
			return page;
		}
		series.subscribe(Learner.of(me), me.zone(), program.id(), count, time);
		redirect.addFlashAttribute("flash", "flash.delivery.series.subscribed");
		return new ModelAndView("redirect:/delivery/series");
	}

	@PostMapping("/delivery/series/{id}/pause")
	String pause(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id, RedirectAttributes redirect) {
		series.pause(Learner.of(me), new ProgramId(id));
		redirect.addFlashAttribute("flash", "flash.delivery.series.paused");
		return "redirect:/delivery/series";
	}

	@PostMapping("/delivery/series/{id}/resume")
	String resume(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id, RedirectAttributes redirect) {
		series.resume(Learner.of(me), me.zone(), new ProgramId(id));
		redirect.addFlashAttribute("flash", "flash.delivery.series.resumed");
		return "redirect:/delivery/series";
	}

	@PostMapping("/delivery/series/{id}/leave")
	String leave(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id, RedirectAttributes redirect) {
		series.leave(Learner.of(me), new ProgramId(id));
		redirect.addFlashAttribute("flash", "flash.delivery.series.left");
		return "redirect:/delivery/series";
	}

	/** A program the learner may take; any other, another organisation's included, is not found. */
	private Program takeable(CurrentMember me, UUID id) {
		return series.takeable(Learner.of(me)).stream().filter(p -> p.id().value().equals(id)).findFirst()
			.orElseThrow(() -> new NotFoundException("not-found.program"));
	}

	private static @Nullable Integer days(String days) {
		try {
			var count = Integer.parseInt(days.strip());
			return count >= 1 && count <= Series.MOST_DAYS ? count : null;
		}
		catch (NumberFormatException notANumber) {
			return null;
		}
	}

	private static @Nullable LocalTime time(String at) {
		try {
			return LocalTime.parse(at.strip());
		}
		catch (DateTimeParseException malformed) {
			return null;
		}
	}
}
