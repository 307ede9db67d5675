package io.morsel.identity.api;

import io.morsel.identity.CurrentMember;
import io.morsel.identity.internal.Accounts;
import io.morsel.identity.internal.Accounts.SignInRefused;
import io.morsel.identity.internal.ApiTokens;
import io.morsel.identity.internal.Organisations;
import io.morsel.identity.internal.SignInClient;
import io.morsel.shared.PlainText;
import io.morsel.shared.ProblemResponses;
import io.morsel.shared.ProblemTypes;
import io.morsel.shared.Refuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Tokens", description = "Personal access tokens: send one as 'Authorization: Bearer <token>'.")
class TokenApi {

	private final Accounts accounts;
	private final ApiTokens tokens;
	private final Organisations organisations;
	private final ProblemResponses titles;

	TokenApi(Accounts accounts, ApiTokens tokens, Organisations organisations, ProblemResponses titles) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.organisations = organisations;
		this.titles = titles;
	}

	/**
	 * @param expiresInDays how long the token lasts: 90 days when not given, at most what the organisation allows
	 * @param readOnly when true, the token may only read (GET); anything else it sends is refused with 403
	 */
	record CreateToken(@NotBlank @Email @Size(max = 254) String email, @NotBlank @Size(max = 128) String password,
			@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,39}") String organisation,
			@Size(max = 80) @PlainText @Nullable String name, @Min(1) @Max(3650) @Nullable Integer expiresInDays,
			@Nullable Boolean readOnly) {
	}

	record CreatedToken(String token, UUID id, String name, Instant expiresAt, boolean readOnly) {
	}

	record TokenView(UUID id, String name, String hint, Instant createdAt, @Nullable Instant lastUsedAt,
			Instant expiresAt, boolean readOnly) {

		static TokenView of(ApiTokens.Token t) {
			return new TokenView(t.id(), t.name(), t.hint(), t.createdAt(), t.lastUsedAt(), t.expiresAt(),
					t.readOnly());
		}
	}

	record Owner(UUID userId, String name, String email) {
	}

	record OrganisationTokenView(UUID id, String name, String hint, Owner owner, Instant createdAt,
			@Nullable Instant lastUsedAt, Instant expiresAt, boolean readOnly) {
	}

	/** @param maxDays the longest a member may make a token last, in days */
	record TokenPolicy(@NotNull @Min(1) @Max(3650) Integer maxDays) {
	}

	@PostMapping("/api/v1/tokens")
	@ResponseStatus(HttpStatus.CREATED)
	@SecurityRequirements
	@Refuses(value = HttpStatus.UNAUTHORIZED, when = "Email, password or organisation are wrong")
	@Refuses(value = HttpStatus.TOO_MANY_REQUESTS, when = "Too many failed sign-ins for this account; try again later")
	@Refuses(value = HttpStatus.BAD_REQUEST, when = "expiresInDays is more than the organisation allows")
	@Operation(summary = "Create a token with email, password and the organisation's slug")
	CreatedToken create(@Valid @RequestBody CreateToken request, HttpServletRequest client) {
		var member = accounts.signIn(request.email(), request.password(), request.organisation(),
				SignInClient.at(client.getRemoteAddr()));
		var name = request.name() == null || request.name().isBlank() ? "API" : request.name().strip();
		var issued = tokens.issue(member, name, request.expiresInDays(), Boolean.TRUE.equals(request.readOnly()));
		return new CreatedToken(issued.secret(), issued.token().id(), issued.token().name(),
				issued.token().expiresAt(), issued.token().readOnly());
	}

	@GetMapping("/api/v1/tokens")
	@Operation(summary = "List the caller's tokens in this organisation (never their secrets)")
	List<TokenView> list(@AuthenticationPrincipal CurrentMember me) {
		return tokens.of(me).stream().map(TokenView::of).toList();
	}

	@DeleteMapping("/api/v1/tokens/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Revoke one of the caller's tokens")
	void revoke(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id) {
		tokens.revoke(me, id);
	}

	@GetMapping("/api/v1/organisation/tokens")
	@Operation(summary = "List every token of the organisation that is not revoked, with its owner (admins)")
	List<OrganisationTokenView> organisationTokens(@AuthenticationPrincipal CurrentMember me) {
		return tokens.inOrganisation(me.organisationId()).stream().map(owned -> {
			var t = owned.token();
			return new OrganisationTokenView(t.id(), t.name(), t.hint(),
					new Owner(owned.owner().value(), owned.ownerName(), owned.ownerEmail()), t.createdAt(),
					t.lastUsedAt(), t.expiresAt(), t.readOnly());
		}).toList();
	}

	@DeleteMapping("/api/v1/organisation/tokens/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Revoke any token of the organisation (admins); it is refused at once")
	void revokeAny(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id) {
		tokens.revokeInOrganisation(me.organisationId(), id);
	}

	@GetMapping("/api/v1/organisation/token-policy")
	@Operation(summary = "How long the organisation's members may make their tokens last (admins)")
	TokenPolicy policy(@AuthenticationPrincipal CurrentMember me) {
		return new TokenPolicy(organisations.tokenMaxDays(me.organisationId()));
	}

	@PutMapping("/api/v1/organisation/token-policy")
	@Operation(summary = "Set how long tokens may last from now on (admins); tokens already made keep their expiry")
	TokenPolicy setPolicy(@AuthenticationPrincipal CurrentMember me, @Valid @RequestBody TokenPolicy policy) {
		organisations.setTokenMaxDays(me.organisationId(), policy.maxDays());
		return policy;
	}

	@ExceptionHandler
	ProblemDetail refused(SignInRefused refused) {
		var detail = switch (refused.reason()) {
			case LOCKED -> "Too many failed sign-ins for this account; try again later.";
			case THROTTLED -> "Too many failed sign-ins from this address; try again later.";
			default -> null;
		};
		if (detail == null) {
			var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
					"Email, password or organisation are wrong.");
			problem.setType(ProblemTypes.INVALID_CREDENTIALS);
			problem.setTitle(titles.title("problem.title.invalid-credentials"));
			return problem;
		}
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, detail);
		problem.setType(ProblemTypes.TOO_MANY_ATTEMPTS);
		problem.setTitle(titles.title("problem.title.too-many-attempts"));
		return problem;
	}
}
