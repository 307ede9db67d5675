package io.morsel.learning.web;

import io.morsel.catalog.Program;
import io.morsel.catalog.ProgramId;
import io.morsel.catalog.ProgramSights;
import io.morsel.catalog.Programs;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.identity.GroupId;
import io.morsel.identity.MemberId;
import io.morsel.identity.PeopleSearch;
import io.morsel.identity.Role;
import io.morsel.learning.Enrolments;
import io.morsel.learning.PersonProgress;
import io.morsel.learning.Reminders;
import io.morsel.learning.TeamProgress;
import io.morsel.shared.InvalidRequestException;
import io.morsel.shared.InvalidValueException;
import io.morsel.shared.NotFoundException;
import io.morsel.shared.Page;
import io.morsel.shared.PageRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The manager's home, and the administrators': the progress of the people they look after against each program, a
 * page per person, the table as CSV, reminders to the overdue; and assigning programs to people and groups, with a
 * due date. Managers choose among the learners they look after; administrators, who manage everyone, among all its
 * members.
 */
@Controller
class TeamController {

	private static final String TEAM = "learning/team";
	private static final String PERSON = "learning/team-person";
	private static final String REMOVAL = "learning/team-removal";
	private static final String ASSIGN = "learning/team-assign";

	private final Programs programs;
	private final Directory directory;
	private final Enrolments enrolments;
	private final TeamProgress team;
	private final Reminders reminders;
	private final ProgramSights sights;

	TeamController(Programs programs, Directory directory, Enrolments enrolments, TeamProgress team,
			Reminders reminders, ProgramSights sights) {
		this.sights = sights;
		this.programs = programs;
		this.directory = directory;
		this.enrolments = enrolments;
		this.team = team;
		this.reminders = reminders;
	}

	/** The progress table is paged; the search ({@code q}) finds people by part of their name or email. */
	@GetMapping("/team")
	String team(@AuthenticationPrincipal CurrentMember me, @RequestParam(defaultValue = "overdue") String sort,
			@RequestParam(defaultValue = "asc") String dir, @RequestParam(defaultValue = "all") String show,
			@RequestParam(required = false) @Nullable UUID program, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String page, @RequestParam(required = false) @Nullable String size,
			Model model) {
		var request = PageRequest.of(page, size);
		var progress = team.of(me);
		var search = PeopleSearch.of(q);
		var table = table(found(me, progress, search), sort, dir, show, program, search);
		model.addAttribute("table", table);
		model.addAttribute("rows", Page.within(request, r -> Page.of(table.rows(), r)));
		model.addAttribute("anyone", progress.stream().anyMatch(p -> !p.programs().isEmpty()));
		model.addAttribute("columns", TeamTable.Column.values());
		model.addAttribute("shownOptions", TeamTable.Shown.values());
		model.addAttribute("programs", assignable(me));
		model.addAttribute("admin", me.has(Role.ADMIN));
		return TEAM;
	}

	/**
	 * Whom to assign a program to, found by searching: a page of the people the assigner looks after (a manager's
	 * learners; everyone for an admin), ticked one by one or taken all at once as "all N matching"; and groups.
	 */
	@GetMapping("/team/assign")
	String assignment(@AuthenticationPrincipal CurrentMember me, @RequestParam(required = false) @Nullable UUID program,
			@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable String page,
			@RequestParam(required = false) @Nullable String size, Model model) {
		var search = candidates(me, q);
		var people = directory.inCare(me, search, PageRequest.of(page, size));
		model.addAttribute("people", people);
		model.addAttribute("search", search);
		model.addAttribute("program", program);
		model.addAttribute("programs", assignable(me));
		model.addAttribute("listed", UriComponentsBuilder.fromPath("/team/assign")
			.queryParamIfPresent("program", Optional.ofNullable(program))
			.queryParamIfPresent("q", Optional.of(search.text()).filter(t -> !t.isEmpty()))
			.build()
			.toUriString());
		// A partner who manages (ADR 0042) assigns only to the groups wholly theirs.
		var sight = sights.of(me);
		var looksAfter = directory.looksAfter(me);
		model.addAttribute("groups", directory.groups(me.organisationId())
			.stream()
			.filter(g -> !sight.narrowed() || !g.members().isEmpty() && g.members().stream().allMatch(looksAfter))
			.toList());
		return ASSIGN;
	}

	/** The table as the page shows it, sorted and filtered alike, as a file. */
	@GetMapping("/team/progress.csv")
	ResponseEntity<byte[]> csv(@AuthenticationPrincipal CurrentMember me,
			@RequestParam(defaultValue = "overdue") String sort, @RequestParam(defaultValue = "asc") String dir,
			@RequestParam(defaultValue = "all") String show, @RequestParam(required = false) @Nullable UUID program,
			@RequestParam(required = false) @Nullable String q) {
		var search = PeopleSearch.of(q);
		var csv = TeamCsv.of(table(found(me, team.of(me), search), sort, dir, show, program, search), me.zone());
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("team-progress.csv").build().toString())
			.body(csv.getBytes(StandardCharsets.UTF_8));
	}

	@GetMapping("/team/people/{id}")
	String person(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id, Model model) {
		model.addAttribute("person", team.of(me, new MemberId(id)));
		return PERSON;
	}

	/** Asks before removing an assignment: a plain link must not remove anything. */
	@GetMapping("/team/people/{person}/programs/{program}/removal")
	String confirmRemoval(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID person,
			@PathVariable UUID program, Model model) {
		var progress = team.of(me, new MemberId(person));
		var assignment = progress.programs()
			.stream()
			.filter(a -> a.programId().value().equals(program))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("not-found.assignment"));
		model.addAttribute("person", progress);
		model.addAttribute("assignment", assignment);
		return REMOVAL;
	}

	@PostMapping("/team/people/{person}/programs/{program}/removal")
	String remove(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID person, @PathVariable UUID program,
			RedirectAttributes redirect) {
		enrolments.unassign(me, new ProgramId(program), new MemberId(person));
		redirect.addFlashAttribute("flash", "flash.assignment.removed");
		return "redirect:/team/people/" + person;
	}

	@PostMapping("/team/programs/{id}/reminders")
	String remind(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id, RedirectAttributes redirect) {
		var sent = reminders.remindOverdue(me, new ProgramId(id));
		if (sent.reminded() + sent.alreadyToday() + sent.failed() == 0) {
			redirect.addFlashAttribute("flash", "flash.reminders.none");
		}
		else {
			redirect.addFlashAttribute("flash", "flash.reminders.sent");
			redirect.addFlashAttribute("reminders", sent);
		}
		return "redirect:/team";
	}

	/** The due date is the date every learner sees; it ends at the end of that day in the manager's time zone. */
	@PostMapping("/team/assignments")
	String assign(@AuthenticationPrincipal CurrentMember me, @RequestParam UUID program,
			@RequestParam(name = "members", required = false) @Nullable List<UUID> members,
			@RequestParam(name = "groups", required = false) @Nullable List<UUID> groups,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate due,
			@RequestParam(name = "everyoneMatching", required = false) @Nullable String matching,
			RedirectAttributes redirect) {
		// "All N matching" names the search, not the people: they are found again now, all pages of them.
		var people = matching != null ? directory.allInCare(me, candidates(me, matching))
				: members == null ? List.<MemberId>of() : members.stream().map(MemberId::new).toList();
		try {
			var added = enrolments.assignDueOn(me, new ProgramId(program), people,
					groups == null ? List.of() : groups.stream().map(GroupId::new).toList(), due);
			redirect.addFlashAttribute("flash", "flash.program.assigned");
			redirect.addFlashAttribute("assignedCount", added);
		}
		catch (InvalidRequestException e) {
			redirect.addFlashAttribute("flash", "flash.program.assign-none");
		}
		return "redirect:/team";
	}

	private static TeamTable table(List<PersonProgress> progress, String sort, String dir, String show,
			@Nullable UUID program, PeopleSearch search) {
		if (!dir.equals("asc") && !dir.equals("desc")) {
			throw new InvalidValueException("learning.refused.team-table-sorts-asc-desc-not", dir);
		}
		return TeamTable.of(progress, TeamTable.Column.of(sort), dir.equals("desc"), TeamTable.Shown.of(show),
				program == null ? null : new ProgramId(program), search.text());
	}

	/** The people of the team who match the search, found by the directory in SQL. */
	private List<PersonProgress> found(CurrentMember me, List<PersonProgress> progress, PeopleSearch search) {
		if (search.everyone()) {
			return progress;
		}
		var matching = new HashSet<>(directory.allInCare(me, search));
		return progress.stream().filter(p -> matching.contains(p.memberId())).toList();
	}

	/** Whom the assigner may pick: a manager picks among learners, an admin, who manages everyone, among all. */
	private static PeopleSearch candidates(CurrentMember me, @Nullable String text) {
		return new PeopleSearch(text == null ? "" : text, me.has(Role.ADMIN) ? null : Role.LEARNER);
	}

	/** The programs the member may assign: a partner who manages (ADR 0042) only those they hold. */
	private List<Program> assignable(CurrentMember me) {
		var sight = sights.of(me);
		return programs.all(me.organisationId()).stream().filter(p -> sight.sees(p.id())).toList();
	}
}
