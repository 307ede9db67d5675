package io.morsel.learning.web;

import io.morsel.catalog.ProgramId;
import io.morsel.catalog.ProgramSights;
import io.morsel.catalog.Programs;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.identity.GroupId;
import io.morsel.identity.MemberId;
import io.morsel.identity.Role;
import io.morsel.learning.Enrolments;
import io.morsel.learning.Reminders;
import io.morsel.learning.TeamProgress;
import io.morsel.shared.InvalidRequestException;
import io.morsel.shared.InvalidValueException;
import io.morsel.shared.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
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

	@GetMapping("/team")
	String team(@AuthenticationPrincipal CurrentMember me, @RequestParam(defaultValue = "overdue") String sort,
			@RequestParam(defaultValue = "asc") String dir, @RequestParam(defaultValue = "all") String show,
			@RequestParam(required = false) @Nullable UUID program, Model model) {
		var progress = team.of(me);
		model.addAttribute("table", table(progress, sort, dir, show, program));
		model.addAttribute("anyone", progress.stream().anyMatch(p -> !p.programs().isEmpty()));
		model.addAttribute("columns", TeamTable.Column.values());
		model.addAttribute("shownOptions", TeamTable.Shown.values());
		// A partner who manages (ADR 0042) assigns only the programs they hold, to the groups wholly theirs.
		var sight = sights.of(me);
		var looksAfter = directory.looksAfter(me);
		model.addAttribute("programs", programs.all(me.organisationId()).stream().filter(p -> sight.sees(p.id())).toList());
		model.addAttribute("groups", directory.groups(me.organisationId())
			.stream()
			.filter(g -> !sight.narrowed() || !g.members().isEmpty() && g.members().stream().allMatch(looksAfter))
			.toList());
		model.addAttribute("admin", me.has(Role.ADMIN));
		// Admins look after everyone; a manager, the learners of the groups they manage.
		var people = directory.people(me.organisationId()).stream().filter(p -> looksAfter.test(p.id()));
		model.addAttribute("learners", me.has(Role.ADMIN) ? people.toList()
				: people.filter(p -> p.roles().contains(Role.LEARNER)).toList());
		return TEAM;
	}

	/** The table as the page shows it, sorted and filtered alike, as a file. */
	@GetMapping("/team/progress.csv")
	ResponseEntity<byte[]> csv(@AuthenticationPrincipal CurrentMember me,
			@RequestParam(defaultValue = "overdue") String sort, @RequestParam(defaultValue = "asc") String dir,
			@RequestParam(defaultValue = "all") String show, @RequestParam(required = false) @Nullable UUID program) {
		var csv = TeamCsv.of(table(team.of(me), sort, dir, show, program), me.zone());
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
			RedirectAttributes redirect) {
		try {
			var added = enrolments.assignDueOn(me, new ProgramId(program),
					members == null ? List.of() : members.stream().map(MemberId::new).toList(),
					groups == null ? List.of() : groups.stream().map(GroupId::new).toList(), due);
			redirect.addFlashAttribute("flash", "flash.program.assigned");
			redirect.addFlashAttribute("assignedCount", added);
		}
		catch (InvalidRequestException e) {
			redirect.addFlashAttribute("flash", "flash.program.assign-none");
		}
		return "redirect:/team";
	}

	private static TeamTable table(List<io.morsel.learning.PersonProgress> progress, String sort, String dir,
			String show, @Nullable UUID program) {
		if (!dir.equals("asc") && !dir.equals("desc")) {
			throw new InvalidValueException("learning.refused.team-table-sorts-asc-desc-not", dir);
		}
		return TeamTable.of(progress, TeamTable.Column.of(sort), dir.equals("desc"), TeamTable.Shown.of(show),
				program == null ? null : new ProgramId(program));
	}
}
