package io.morsel.learning.web;

import io.morsel.identity.CurrentMember;
import io.morsel.learning.NextUp;
import io.morsel.learning.ProgramProgress;
import io.morsel.learning.ProgramProgress.Status;
import io.morsel.web.Dates;
import io.morsel.web.HtmlView;
import io.morsel.web.KeptFragments;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.ModelAndView;

/**
 * The learner's <em>Today</em> ({@code learning/today}), made fast the way the player is (ADR 0005, ADR 0007): the
 * page is kept per header and language with a hole for each list, and each program's card is kept under exactly what
 * it shows (title, lessons done, due date as the learner reads it, the next lesson), so many learners at the same
 * point of a program share one rendering and a request renders nothing through the template engine. A page with a
 * flash message is rendered whole from the same template.
 */
@Component
class TodayPage {

	private static final String VIEW = "learning/today";

	private final KeptFragments fragments;
	private final Dates dates;

	TodayPage(KeptFragments fragments, Dates dates) {
		this.fragments = fragments;
		this.dates = dates;
	}

	/** A program the learner is in, as its card shows it. */
	record EnrolledCard(UUID program, String title, long completed, int total, int percent, String due,
			@Nullable NextLesson next) {
	}

	/** The lesson a card offers next: the one in progress, else the first not started. */
	record NextLesson(UUID lesson, String title, int minutes, boolean inProgress) {
	}

	/** The single most valuable thing to do now (learning.NextUp), as the "Next up" card shows it. */
	record NextUpCard(String kind, String title, String path, long minutes) {

		static NextUpCard of(NextUp next) {
			return new NextUpCard(next.kind().name(), next.title(), next.path(), next.minutes());
		}
	}

	/** A program the learner may join. */
	record OpenCard(UUID program, String title, String outcome) {
	}

	/**
	 * @param sections the HTML other modules put above the programs for this learner (web.TodaySection)
	 * @param next the single most valuable thing to do now, {@code null} when there is nothing
	 */
	ModelAndView of(CurrentMember me, String sections, @Nullable NextUp next, List<ProgramProgress> programs,
			Model model) {
		var enrolled = programs.stream().filter(p -> p.enrolment() != null).map(this::enrolled).toList();
		var open = programs.stream()
			.filter(p -> p.enrolment() == null)
			.map(p -> new OpenCard(p.program().id().value(), p.program().title(), p.program().outcome()))
			.toList();
		var holes = new HashMap<String, String>();
		holes.put("sections", sections);
		holes.put("nextUp", next == null ? "" : cards("next-up", List.of(NextUpCard.of(next))));
		holes.put("enrolled", cards("enrolled", enrolled));
		holes.put("open", cards("open", open));
		var shape = Map.<String, Object>of("hasEnrolled", !enrolled.isEmpty(), "hasOpen", !open.isEmpty());
		if (model.containsAttribute("flash")) {
			model.addAllAttributes(shape);
			model.addAttribute("holes", holes);
			return new ModelAndView(VIEW, model.asMap());
		}
		var chrome = KeptFragments.Chrome.of(me);
		var page = new HashMap<String, Object>(shape);
		page.put("me", chrome);
		return new ModelAndView(new HtmlView(fragments.page(VIEW, page, page, holes)));
	}

	private EnrolledCard enrolled(ProgramProgress progress) {
		var next = progress.next();
		var enrolment = progress.enrolment();
		return new EnrolledCard(progress.program().id().value(), progress.program().title(), progress.completed(),
				progress.total(), progress.percent(), enrolment == null ? "" : dates.date(enrolment.dueAt()),
				next == null ? null : new NextLesson(next.id().value(), next.title(), next.estimatedMinutes(),
						next.status() == Status.IN_PROGRESS));
	}

	private String cards(String fragment, List<? extends Record> cards) {
		var html = new StringBuilder();
		for (var card : cards) {
			html.append(fragments.kept(VIEW, fragment, Map.of("card", card), Map.of()));
		}
		return html.toString();
	}
}
