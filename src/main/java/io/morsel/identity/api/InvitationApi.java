package io.morsel.identity.api;

import io.morsel.identity.CurrentMember;
import io.morsel.identity.Role;
import io.morsel.identity.internal.Invitations;
import io.morsel.identity.internal.Invitations.Pending;
import io.morsel.shared.ConflictException;
import io.morsel.shared.Refuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Invitations", description = "Invitations by email to join the caller's organisation (admins)")
class InvitationApi {

	private final Invitations invitations;

	InvitationApi(Invitations invitations) {
		this.invitations = invitations;
	}

	record Invite(@NotBlank @Email @Size(max = 254) String email, @NotEmpty Set<@NotNull Role> roles) {
	}

	/** @param expired true once {@code expiresAt} passed: the link no longer works, resending renews it */
	record InvitationView(UUID id, String email, Set<Role> roles, Instant createdAt, Instant expiresAt,
			boolean expired) {

		static InvitationView of(Pending p) {
			return new InvitationView(p.id(), p.email(), p.roles(), p.createdAt(), p.expiresAt(), p.expired());
		}
	}

	@GetMapping("/api/v1/invitations")
	@Operation(summary = "The invitations neither accepted nor revoked, newest first, expired ones included")
	List<InvitationView> list(@AuthenticationPrincipal CurrentMember me) {
		return invitations.pending(me.organisationId()).stream().map(InvitationView::of).toList();
	}

	@PostMapping("/api/v1/invitations")
	@ResponseStatus(HttpStatus.CREATED)
	@Refuses(value = HttpStatus.CONFLICT, when = "The address already has an invitation that works (resend it), or "
			+ "belongs to a member")
	@Operation(summary = "Invite an address by email; the link works for 7 days")
	InvitationView invite(@AuthenticationPrincipal CurrentMember me, @Valid @RequestBody Invite request) {
		var invited = invitations.invite(me, request.email(), EnumSet.copyOf(request.roles()));
		return switch (invited.result()) {
			case SENT -> InvitationView.of(invited.invitation());
			case ALREADY_INVITED -> throw new ConflictException("identity.refused.address-already-has-invitation-works-resend",
					invited.invitation().id());
			case ALREADY_MEMBER -> throw new ConflictException("identity.refused.address-already-belongs-member");
		};
	}

	@PostMapping("/api/v1/invitations/{id}/resend")
	@Operation(summary = "Send the invitation again with a new link, valid 7 days from now; the earlier link stops "
			+ "working")
	InvitationView resend(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id) {
		return InvitationView.of(invitations.resend(me, id));
	}

	@DeleteMapping("/api/v1/invitations/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Revoke the invitation: its link stops working")
	void revoke(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id) {
		invitations.revoke(me, id);
	}
}
