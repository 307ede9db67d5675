package io.morsel.learning.web;

import io.morsel.catalog.ProgramId;
import io.morsel.catalog.Programs;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.identity.GroupId;
import io.morsel.identity.MemberId;
import io.morsel.identity.Role;
import io.morsel.learning.Enrolments;
import io.morsel.shared.InvalidRequestException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The manager's home, and the administrators': assign programs to people and groups, with a due date. Managers choose
 * among the organisation's learners; administrators, who manage everyone, among all its members.
 */
@Controller
class TeamController {

	private final Programs programs;
	private final Directory directory;
	private final Enrolments enrolments;

	TeamController(Programs programs, Directory directory, Enrolments enrolments) {
		this.programs = programs;
		this.directory = directory;
		this.enrolments = enrolments;
	}

	@GetMapping("/team")
	String team(@AuthenticationPrincipal CurrentMember me, Model model) {
		model.addAttribute("programs", programs.all(me.organisationId()));
		model.addAttribute("groups", directory.groups(me.organisationId()));
		// Admins look after everyone; a manager, the learners of the groups they manage.
		var looksAfter = directory.looksAfter(me);
		var people = directory.people(me.organisationId()).stream().filter(p -> looksAfter.test(p.id()));
		model.addAttribute("learners", me.has(Role.ADMIN) ? people.toList()
				: people.filter(p -> p.roles().contains(Role.LEARNER)).toList());
		return "learning/team";
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
}
