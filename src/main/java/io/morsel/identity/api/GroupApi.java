package io.morsel.identity.api;

import io.morsel.identity.CurrentMember;
import io.morsel.identity.Group;
import io.morsel.identity.GroupId;
import io.morsel.identity.MemberId;
import io.morsel.identity.internal.Groups;
import io.morsel.identity.internal.Organisations;
import io.morsel.shared.NotFoundException;
import io.morsel.shared.PlainText;
import io.morsel.shared.Refuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The organisation's groups, as admins keep them on their page: who is in each, and which are partners. */
@RestController
@Tag(name = "Groups", description = "Groups of members (teams, partners), kept by admins")
class GroupApi {

	private final Groups groups;
	private final Organisations organisations;

	GroupApi(Groups groups, Organisations organisations) {
		this.groups = groups;
		this.organisations = organisations;
	}

	/**
	 * @param external whether its members are partners: they see only the people of their own external groups, and
	 *        only the programs assigned to them (plus the open ones when the organisation lets partners see those)
	 */
	record GroupView(UUID id, String name, boolean external, List<UUID> members) {

		static GroupView of(Group group) {
			return new GroupView(group.id().value(), group.name(), group.external(),
					group.members().stream().map(MemberId::value).toList());
		}
	}

	/** @param external whether the group is of partners; false when left out */
	record NewGroup(@NotBlank @Size(max = 80) @PlainText String name, @Nullable Boolean external) {
	}

	record External(@NotNull Boolean external) {
	}

	record Members(@NotNull List<UUID> members) {
	}

	/** @param seeOpenPrograms whether partners also see the open programs, which members may join by themselves */
	record PartnerSettings(@NotNull Boolean seeOpenPrograms) {
	}

	@GetMapping("/api/v1/groups")
	@Operation(summary = "The organisation's groups with their members, by name (admins)")
	List<GroupView> list(@AuthenticationPrincipal CurrentMember me) {
		return groups.of(me.organisationId()).stream().map(GroupView::of).toList();
	}

	@PostMapping("/api/v1/groups")
	@ResponseStatus(HttpStatus.CREATED)
	@Refuses(value = HttpStatus.CONFLICT, when = "The organisation has a group of that name already")
	@Operation(summary = "Create a group, of the organisation's own people or of partners (admins)")
	GroupView create(@AuthenticationPrincipal CurrentMember me, @Valid @RequestBody NewGroup group) {
		return GroupView.of(groups.create(me.organisationId(), group.name(), Boolean.TRUE.equals(group.external())));
	}

	@GetMapping("/api/v1/groups/{id}")
	@Operation(summary = "One of the organisation's groups (admins)")
	GroupView one(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id) {
		return groups.find(me.organisationId(), new GroupId(id))
			.map(GroupView::of)
			.orElseThrow(() -> new NotFoundException("not-found.group"));
	}

	@PutMapping("/api/v1/groups/{id}/external")
	@Operation(summary = "Mark the group external (its members become partners, from their next request) or the "
			+ "organisation's own again (admins)")
	GroupView markExternal(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id,
			@Valid @RequestBody External external) {
		return GroupView.of(groups.markExternal(me.organisationId(), new GroupId(id), external.external()));
	}

	@PutMapping("/api/v1/groups/{id}/members")
	@Operation(summary = "Set who is in the group (admins); a member of another organisation is not found")
	GroupView setMembers(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id,
			@Valid @RequestBody Members members) {
		var group = new GroupId(id);
		groups.setMembers(me.organisationId(), group, new HashSet<>(members.members().stream().map(MemberId::new).toList()));
		return GroupView.of(groups.find(me.organisationId(), group).orElseThrow());
	}

	@GetMapping("/api/v1/organisation/partners")
	@Operation(summary = "Whether partners see the open programs as well as those assigned to them (admins)")
	PartnerSettings partners(@AuthenticationPrincipal CurrentMember me) {
		return new PartnerSettings(organisations.partnersSeeOpenPrograms(me.organisationId()));
	}

	@PutMapping("/api/v1/organisation/partners")
	@Operation(summary = "Let partners see the open programs as well as those assigned to them, or only those "
			+ "assigned (admins)")
	PartnerSettings setPartners(@AuthenticationPrincipal CurrentMember me,
			@Valid @RequestBody PartnerSettings settings) {
		groups.setPartnersSeeOpenPrograms(me.organisationId(), settings.seeOpenPrograms());
		return settings;
	}
}
