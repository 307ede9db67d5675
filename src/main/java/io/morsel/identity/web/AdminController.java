package io.morsel.identity.web;

import io.morsel.identity.CurrentMember;
import io.morsel.identity.Group;
import io.morsel.identity.MemberId;
import io.morsel.identity.PeopleSearch;
import io.morsel.identity.Role;
import io.morsel.identity.internal.ActiveMembers;
import io.morsel.identity.internal.Groups;
import io.morsel.identity.internal.Invitations;
import io.morsel.identity.internal.Memberships;
import io.morsel.identity.internal.Memberships.Person;
import io.morsel.identity.internal.Offboarding;
import io.morsel.identity.internal.Organisations;
import io.morsel.shared.NotFoundException;
import io.morsel.shared.Page;
import io.morsel.shared.PageRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** The admin's home: the organisation's members and their roles, and invitations by email. */
@Controller
class AdminController {

	private static final String VIEW = "identity/admin";

	private final Memberships memberships;
	private final Invitations invitations;
	private final Groups groups;
	private final ActiveMembers active;
	private final Offboarding offboarding;
	private final Organisations organisations;

	AdminController(Memberships memberships, Invitations invitations, Groups groups,
			ActiveMembers active, Offboarding offboarding, Organisations organisations) {
		this.organisations = organisations;
		this.offboarding = offboarding;
		this.active = active;
		this.memberships = memberships;
		this.invitations = invitations;
		this.groups = groups;
	}

	record InviteForm(@NotBlank @Email @Size(max = 254) String email, @NotEmpty List<Role> roles) {
	}

	record RolesForm(List<Role> roles) {
	}

	/** The members' list is a page of those matching the search ({@code q}, {@code role}), by name. */
	@GetMapping("/admin")
	String show(@AuthenticationPrincipal CurrentMember me, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Role role, @RequestParam(required = false) @Nullable String page,
			@RequestParam(required = false) @Nullable String size, Model model) {
		model.addAttribute("form", new InviteForm("", List.of(Role.LEARNER)));
		return page(me, new PeopleSearch(q == null ? "" : q, role), PageRequest.of(page, size), model);
	}

	@PostMapping("/admin/invitations")
	String invite(@AuthenticationPrincipal CurrentMember me, @Valid @ModelAttribute("form") InviteForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			return page(me, PeopleSearch.EVERYONE, PageRequest.FIRST, model);
		}
		var invited = invitations.invite(me, form.email(), EnumSet.copyOf(form.roles()));
		redirect.addFlashAttribute("flash", switch (invited.result()) {
			case SENT -> "flash.invitation.sent";
			case ALREADY_INVITED -> "flash.invitation.already-invited";
			case ALREADY_MEMBER -> "flash.invitation.already-member";
		});
		return "redirect:/admin";
	}

	@PostMapping("/admin/invitations/{id}/resend")
	String resend(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id, RedirectAttributes redirect) {
		invitations.resend(me, id);
		redirect.addFlashAttribute("flash", "flash.invitation.resent");
		return "redirect:/admin";
	}

	@PostMapping("/admin/invitations/{id}/revoke")
	String revokeInvitation(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id,
			RedirectAttributes redirect) {
		invitations.revoke(me, id);
		redirect.addFlashAttribute("flash", "flash.invitation.revoked");
		return "redirect:/admin";
	}

	@PostMapping("/admin/people/{id}/roles")
	String changeRoles(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id,
			@ModelAttribute RolesForm form, RedirectAttributes redirect) {
		var roles = form.roles() == null || form.roles().isEmpty() ? EnumSet.noneOf(Role.class)
				: EnumSet.copyOf(form.roles());
		if (roles.isEmpty()) {
			redirect.addFlashAttribute("flash", "flash.roles.empty");
			return "redirect:/admin";
		}
		var member = new MemberId(id);
		if (member.equals(me.memberId()) && !roles.contains(Role.ADMIN)) {
			redirect.addFlashAttribute("flash", "flash.roles.keep-own-admin");
			return "redirect:/admin";
		}
		if (!memberships.replaceRoles(me.organisationId(), member, roles)) {
			throw new NotFoundException("not-found.person");
		}
		// Other nodes see the new roles within the session recheck interval (ADR 0004).
		active.forget(member);
		redirect.addFlashAttribute("flash", "flash.roles.saved");
		return "redirect:/admin";
	}

	/** Opens the members' names to every member, or closes them; emails stay with admins and managers. */
	@PostMapping("/admin/directory")
	String directory(@AuthenticationPrincipal CurrentMember me,
			@RequestParam(name = "namesOpen", defaultValue = "false") boolean namesOpen, RedirectAttributes redirect) {
		organisations.setDirectoryNamesOpen(me.organisationId(), namesOpen);
		redirect.addFlashAttribute("flash", "flash.directory.saved");
		return "redirect:/admin";
	}

	@PostMapping("/admin/people/{id}/deactivation")
	String deactivate(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id, RedirectAttributes redirect) {
		return offboard(me, new MemberId(id), offboarding::deactivate, "flash.access.deactivated", redirect);
	}

	@PostMapping("/admin/people/{id}/reactivation")
	String reactivate(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id, RedirectAttributes redirect) {
		return offboard(me, new MemberId(id), offboarding::reactivate, "flash.access.reactivated", redirect);
	}

	@PostMapping("/admin/people/{id}/removal")
	String remove(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id, RedirectAttributes redirect) {
		return offboard(me, new MemberId(id), offboarding::remove, "flash.access.removed", redirect);
	}

	private String offboard(CurrentMember me, MemberId member, BiConsumer<CurrentMember, MemberId> change, String done,
			RedirectAttributes redirect) {
		if (member.equals(me.memberId())) {
			redirect.addFlashAttribute("flash", "flash.access.own");
			return "redirect:/admin";
		}
		change.accept(me, member);
		redirect.addFlashAttribute("flash", done);
		return "redirect:/admin";
	}

	private String page(CurrentMember me, PeopleSearch search, PageRequest request, Model model) {
		var organisation = me.organisationId();
		var people = Page.within(request, p -> memberships.people(organisation, search, null, p));
		model.addAttribute("people", people);
		model.addAttribute("search", search);
		model.addAttribute("listed", UriComponentsBuilder.fromPath("/admin")
			.queryParamIfPresent("q", Optional.of(search.text()).filter(t -> !t.isEmpty()))
			.queryParamIfPresent("role", Optional.ofNullable(search.role()))
			.build()
			.toUriString());
		// A group's form shows its own members and the members of this page, so that a page's worth of checkboxes
		// is what an admin ticks; the form names what it showed, and what it did not show stays as it was.
		var everyGroup = groups.of(organisation);
		var inGroups = memberships.among(organisation,
				everyGroup.stream().flatMap(g -> g.members().stream()).collect(Collectors.toSet()));
		model.addAttribute("groupPeople",
				everyGroup.stream().collect(Collectors.toMap(Group::id, g -> shown(g, inGroups, people.items()))));
		model.addAttribute("managerPeople", memberships.among(organisation,
				memberships.ids(organisation, new PeopleSearch("", Role.MANAGER), null)));
		model.addAttribute("pending", invitations.pending(me.organisationId()));
		model.addAttribute("roles", Role.values());
		model.addAttribute("groups", everyGroup);
		model.addAttribute("groupManagers", groups.managers(me.organisationId()));
		model.addAttribute("directoryNamesOpen", organisations.directoryNamesOpen(me.organisationId()));
		model.addAttribute("partnersSeeOpenPrograms", organisations.partnersSeeOpenPrograms(me.organisationId()));
		return VIEW;
	}

	private static List<Person> shown(Group group, List<Person> inGroups, List<Person> page) {
		var shown = new LinkedHashMap<MemberId, Person>();
		inGroups.stream().filter(p -> group.members().contains(p.id())).forEach(p -> shown.put(p.id(), p));
		page.forEach(p -> shown.putIfAbsent(p.id(), p));
		return List.copyOf(shown.values());
	}
}
