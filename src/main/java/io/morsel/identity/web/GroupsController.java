package io.morsel.identity.web;

import io.morsel.identity.CurrentMember;
import io.morsel.identity.GroupId;
import io.morsel.identity.MemberId;
import io.morsel.identity.internal.Groups;
import io.morsel.shared.ConflictException;
import io.morsel.shared.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins keep the organisation's groups on their page. */
@Controller
class GroupsController {

	private final Groups groups;

	GroupsController(Groups groups) {
		this.groups = groups;
	}

	/** @param external whether the group is of partners (unticked: absent) */
	record GroupForm(@NotBlank @Size(max = 80) @PlainText String name, @Nullable Boolean external) {
	}

	@PostMapping("/admin/groups")
	String create(@AuthenticationPrincipal CurrentMember me, @Valid @ModelAttribute GroupForm form,
			BindingResult errors, RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			redirect.addFlashAttribute("flash", "flash.group.invalid");
			return "redirect:/admin#groups";
		}
		try {
			groups.create(me.organisationId(), form.name(), Boolean.TRUE.equals(form.external()));
			redirect.addFlashAttribute("flash", "flash.group.created");
		}
		catch (ConflictException duplicate) {
			redirect.addFlashAttribute("flash", "flash.group.exists");
		}
		return "redirect:/admin#groups";
	}

	@PostMapping("/admin/groups/{id}/members")
	String members(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id,
			@RequestParam(name = "members", required = false) @Nullable List<UUID> members,
			@RequestParam(name = "shown", required = false) @Nullable List<UUID> shown, RedirectAttributes redirect) {
		var ticked = new HashSet<>((members == null ? List.<UUID>of() : members).stream().map(MemberId::new).toList());
		if (shown != null) {
			// The admin page shows a page of people: those it did not show keep their place in the group.
			groups.of(me.organisationId())
				.stream()
				.filter(g -> g.id().value().equals(id))
				.flatMap(g -> g.members().stream())
				.filter(m -> !shown.contains(m.value()))
				.forEach(ticked::add);
		}
		groups.setMembers(me.organisationId(), new GroupId(id), ticked);
		redirect.addFlashAttribute("flash", "flash.group.saved");
		return "redirect:/admin#groups";
	}

	/** Who manages the group: they see its members in the directory. */
	@PostMapping("/admin/groups/{id}/managers")
	String managers(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id,
			@RequestParam(name = "managers", required = false) @Nullable List<UUID> managers,
			RedirectAttributes redirect) {
		groups.setManagers(me.organisationId(), new GroupId(id),
				new HashSet<>((managers == null ? List.<UUID>of() : managers).stream().map(MemberId::new).toList()));
		redirect.addFlashAttribute("flash", "flash.group.managers-saved");
		return "redirect:/admin#groups";
	}

	/** Marks the group external (its members become partners) or the organisation's own again. */
	@PostMapping("/admin/groups/{id}/external")
	String external(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id,
			@RequestParam(name = "external", defaultValue = "false") boolean external, RedirectAttributes redirect) {
		groups.markExternal(me.organisationId(), new GroupId(id), external);
		redirect.addFlashAttribute("flash", external ? "flash.group.external" : "flash.group.internal");
		return "redirect:/admin#groups";
	}

	/** Whether partners also see the open programs, or only those assigned to them. */
	@PostMapping("/admin/partners")
	String partners(@AuthenticationPrincipal CurrentMember me,
			@RequestParam(name = "seeOpenPrograms", defaultValue = "false") boolean seeOpenPrograms,
			RedirectAttributes redirect) {
		groups.setPartnersSeeOpenPrograms(me.organisationId(), seeOpenPrograms);
		redirect.addFlashAttribute("flash", "flash.partners.saved");
		return "redirect:/admin#groups";
	}
}
