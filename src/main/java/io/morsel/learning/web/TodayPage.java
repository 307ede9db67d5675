package io.morsel.learning.web;

import io.morsel.catalog.Covers;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Role;
import io.morsel.learning.LessonUpdate;
import io.morsel.learning.NextUp;
import io.morsel.learning.ProgramProgress;
import io.morsel.learning.ProgramProgress.LessonStatus;
import io.morsel.learning.ProgramProgress.Status;
import io.morsel.web.KeptFragments;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
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

	/** Where a lesson plays: "Next up" offers a lesson at this path followed by its id. */
	private static final String LESSONS = "/lessons/";

	private final KeptFragments fragments;
	private final Clock clock;
	private final Covers covers;

	TodayPage(KeptFragments fragments, Clock clock, Covers covers) {
		this.fragments = fragments;
		this.clock = clock;
		this.covers = covers;
	}

	/**
	 * A program the learner is in, as its card shows it.
	 *
	 * @param due the due date as the manager picked it, in the learner's language; empty when there is none
	 * @param urgency {@code near} (due within {@link #NEAR} days), {@code past} (overdue), or empty
	 * @param minutes the estimated minutes of all the program's lessons
	 * @param cover the address of the program's cover
	 * @param why the line on why to take it, for learners; null when its author wrote none
	 * @param outcome its business outcome, for a member who manages or runs the organisation; null for others
	 */
	record EnrolledCard(UUID program, String title, long completed, int total, int minutes, int percent, String due,
			String urgency, @Nullable NextLesson next, String cover, @Nullable String why, @Nullable String outcome) {
	}

	/** Days ahead in which a due date is near, and shown in red: today, tomorrow and the day after. */
	static final int NEAR = 2;

	/**
	 * The lesson a card offers next: the one in progress, else the first not started.
	 *
	 * @param cover the address of the cover of the version learners starting it get
	 */
	record NextLesson(UUID lesson, String title, int minutes, boolean inProgress, String cover) {
	}

	/**
	 * The single most valuable thing to do now (learning.NextUp), as the "Next up" card shows it.
	 *
	 * @param items the daily review's questions; 0 for a lesson
	 * @param cover the address of the lesson's cover where one of the learner's programs holds it (their outlines
	 *     know its version, so it costs no query); null for the daily review and other lessons
	 */
	record NextUpCard(String kind, String title, String path, long minutes, int items, @Nullable String cover) {

		static NextUpCard of(NextUp next, @Nullable String cover) {
			return new NextUpCard(next.kind().name(), next.title(), next.path(), next.minutes(), next.items(), cover);
		}
	}

	/** A lesson completed on an earlier version, with a significant new one to take. */
	record UpdateCard(UUID lesson, String title) {
	}

	/**
	 * A program the learner may join, with its number of lessons and their estimated minutes, its cover, the line on
	 * why to take it, and its business outcome for a member who manages or runs the organisation (else null).
	 */
	record OpenCard(UUID program, String title, @Nullable String why, @Nullable String outcome, int lessons,
			int minutes, String cover) {
	}

	/**
	 * @param sections the HTML other modules put above the programs for this learner (web.TodaySection)
	 * @param next the single most valuable thing to do now, {@code null} when there is nothing
	 */
	ModelAndView of(CurrentMember me, String sections, @Nullable NextUp next, List<ProgramProgress> programs,
			List<LessonUpdate> updates, Model model) {
		var today = LocalDate.now(clock.withZone(me.zone()));
		var seesOutcomes = seesOutcomes(me);
		var enrolled = programs.stream()
			.filter(p -> p.enrolment() != null)
			.map(p -> enrolled(me, p, today, seesOutcomes))
			.toList();
		var open = programs.stream()
			.filter(p -> p.enrolment() == null)
			.map(p -> new OpenCard(p.program().id().value(), p.program().title(), p.program().why(),
					seesOutcomes ? p.program().outcome() : null, p.total(), p.minutes(),
					covers.path(me.organisationId(), p.program())))
			.toList();
		var holes = new HashMap<String, String>();
		holes.put("sections", sections);
		holes.put("nextUp", next == null ? "" : cards("next-up", List.of(NextUpCard.of(next, cover(me, next, programs)))));
		holes.put("enrolled", cards("enrolled", enrolled));
		holes.put("open", cards("open", open));
		holes.put("updates", cards("update",
				updates.stream().map(u -> new UpdateCard(u.lessonId().value(), u.title())).toList()));
		var shape = Map.<String, Object>of("hasEnrolled", !enrolled.isEmpty(), "hasOpen", !open.isEmpty(),
				"hasUpdates", !updates.isEmpty());
		if (model.containsAttribute("flash")) {
			model.addAllAttributes(shape);
			model.addAttribute("holes", holes);
			return new ModelAndView(VIEW, model.asMap());
		}
		var chrome = fragments.chrome(me);
		var page = new HashMap<String, Object>(shape);
		page.put("me", chrome);
		return new ModelAndView(fragments.view(VIEW, page, page, holes));
	}

	/** The cover of the lesson "Next up" plays, where one of the learner's programs holds it; else none. */
	private @Nullable String cover(CurrentMember me, NextUp next, List<ProgramProgress> programs) {
		if (!next.path().startsWith(LESSONS)) {
			return null;
		}
		UUID id;
		try {
			id = UUID.fromString(next.path().substring(LESSONS.length()));
		}
		catch (IllegalArgumentException notALesson) {
			return null;
		}
		for (var program : programs) {
			for (var lesson : program.lessons()) {
				if (lesson.id().value().equals(id)) {
					return cover(me, lesson);
				}
			}
		}
		return null;
	}

	private String cover(CurrentMember me, LessonStatus lesson) {
		return covers.path(me.organisationId(), lesson.id(), lesson.version(), lesson.coverVersion());
	}

	/** Managers and admins read programs' business outcomes; learners read why to take them. */
	static boolean seesOutcomes(CurrentMember member) {
		return member.has(Role.MANAGER) || member.has(Role.ADMIN);
	}

	/** @param today the learner's date, in their time zone */
	private EnrolledCard enrolled(CurrentMember me, ProgramProgress progress, LocalDate today, boolean seesOutcomes) {
		var next = progress.next();
		var dueOn = progress.enrolment() == null ? null : progress.enrolment().dueOn();
		var done = next == null;
		return new EnrolledCard(progress.program().id().value(), progress.program().title(), progress.completed(),
				progress.total(), progress.minutes(), progress.percent(), dueOn == null ? "" : date(dueOn),
				dueOn == null || done ? "" : urgency(dueOn, today),
				next == null ? null : new NextLesson(next.id().value(), next.title(), next.estimatedMinutes(),
						next.status() == Status.IN_PROGRESS, cover(me, next)),
				covers.path(me.organisationId(), progress.program()), progress.program().why(),
				seesOutcomes ? progress.program().outcome() : null);
	}

	/** Overdue, near, or neither: only the first two are shown in red. */
	static String urgency(LocalDate dueOn, LocalDate today) {
		if (dueOn.isBefore(today)) {
			return "past";
		}
		return dueOn.isAfter(today.plusDays(NEAR)) ? "" : "near";
	}

	/** The date itself, never moved to another zone: the date the manager picked is the date the learner reads. */
	private static String date(LocalDate date) {
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(LocaleContextHolder.getLocale()).format(date);
	}

	private String cards(String fragment, List<? extends Record> cards) {
		var html = new StringBuilder();
		for (var card : cards) {
			html.append(fragments.kept(VIEW, fragment, Map.of("card", card), Map.of()));
		}
		return html.toString();
	}
}
