package io.morsel.learning.web;

import io.morsel.catalog.Covers;
import io.morsel.catalog.ProgramId;
import io.morsel.identity.CurrentMember;
import io.morsel.learning.Enrolments;
import io.morsel.learning.Learner;
import io.morsel.learning.NextUps;
import io.morsel.learning.ProgramProgress;
import io.morsel.learning.Progress;
import io.morsel.shared.ConflictException;
import io.morsel.shared.NotFoundException;
import io.morsel.web.TodaySection;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Today": what to do next across the learner's programs, one tap to start; and each program's page. */
@Controller
class TodayController {

	private final Progress progress;
	private final Enrolments enrolments;
	private final TodayPage today;
	private final NextUps nextUps;
	private final Clock clock;
	private final Covers covers;
	/** The daily goal's card, first above the programs. */
	private final TodayStreak streak;
	/** What other modules put above the programs, after the daily goal's card, in their order. */
	private final List<TodaySection> sections;

	TodayController(Progress progress, Enrolments enrolments, TodayPage today, NextUps nextUps,
			Clock clock, TodayStreak streak, ObjectProvider<TodaySection> sections, Covers covers) {
		this.streak = streak;
		this.covers = covers;
		this.progress = progress;
		this.enrolments = enrolments;
		this.today = today;
		this.nextUps = nextUps;
		this.clock = clock;
		this.sections = sections.orderedStream().toList();
	}

	@GetMapping("/today")
	ModelAndView today(@AuthenticationPrincipal CurrentMember me, Model model) {
		var learner = Learner.of(me);
		var now = clock.instant();
		var reading = progress.today(learner, me.zone(), now);
		var programs = reading.programs();
		var above = new StringBuilder(streak.card(me, reading.goal()));
		sections.forEach(section -> above.append(section.render(me)));
		var next = nextUps.of(learner, me.zone(), now, reading);
		return today.of(me, above.toString(), next.orElse(null), programs, reading.updates(), model);
	}

	@GetMapping("/programs/{id}")
	String program(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id, Model model) {
		var shown = progress.of(Learner.of(me), new ProgramId(id))
			.orElseThrow(() -> new NotFoundException("not-found.program"));
		model.addAttribute("progress", shown);
		model.addAttribute("cover", covers.path(me.organisationId(), shown.program()));
		model.addAttribute("seesOutcomes", TodayPage.seesOutcomes(me));
		return "learning/program";
	}

	/** Joining goes straight to the program's first lesson (the one to take next), or its page when it has none. */
	@PostMapping("/programs/{id}/enrolment")
	String enrol(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id, RedirectAttributes redirect) {
		var program = new ProgramId(id);
		try {
			enrolments.enrol(Learner.of(me), program);
		}
		catch (ConflictException assignedOnly) {
			redirect.addFlashAttribute("flash", "flash.program.assigned-only");
			return "redirect:/programs/" + id;
		}
		var next = progress.of(Learner.of(me), program).map(ProgramProgress::next).orElse(null);
		if (next == null) {
			redirect.addFlashAttribute("flash", "flash.program.joined");
			return "redirect:/programs/" + id;
		}
		return "redirect:/lessons/" + next.id().value();
	}
}
