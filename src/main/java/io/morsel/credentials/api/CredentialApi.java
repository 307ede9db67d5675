package io.morsel.credentials.api;

import io.morsel.credentials.AchievementId;
import io.morsel.credentials.Award;
import io.morsel.credentials.AwardStatus;
import io.morsel.credentials.AwardStatuses;
import io.morsel.credentials.Awards;
import io.morsel.credentials.PublicLinks;
import io.morsel.credentials.Verification;
import io.morsel.credentials.Verifier;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.MemberId;
import io.morsel.learning.Learner;
import io.morsel.shared.Refuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@RestController
@Tag(name = "Credentials", description = "Open Badges 3.0 credentials: issued, listed, verified")
class CredentialApi {

	private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
	};

	private final Awards awards;
	private final Verifier verifier;
	private final AwardStatuses statuses;
	private final PublicLinks links;
	private final JsonMapper json;

	CredentialApi(Awards awards, Verifier verifier, AwardStatuses statuses, PublicLinks links, JsonMapper json) {
		this.awards = awards;
		this.statuses = statuses;
		this.verifier = verifier;
		this.links = links;
		this.json = json;
	}

	record CredentialSummary(UUID id, UUID achievementId, String achievement, Instant issuedAt,
			@Schema(description = "The admin's reason, for an award by hand") @Nullable String reason,
			@Schema(description = "The credential's public page: anyone with the link sees and verifies it") String page,
			@Schema(description = "What its status lists publish") AwardStatus status,
			@Schema(description = "Why it is revoked or suspended; a suspension of the currency rule starts "
					+ "'Mastery lapsed'") @Nullable String statusReason,
			@Nullable Instant statusSince,
			@Schema(description = "While the mastery behind an active credential has lapsed: when it is suspended "
					+ "unless the holder's mastery returns first (the achievement's grace period)") @Nullable Instant suspendsAt) {

		static CredentialSummary of(Award award, PublicLinks links) {
			return new CredentialSummary(award.id(), award.achievementId().value(), award.achievementName(),
					award.issuedAt(), award.reason(), links.credentialPage(award.id()), award.status(),
					award.statusReason(), award.statusSince(), award.lapseDueAt());
		}
	}

	record StatusChange(@NotBlank @Size(max = 1000) String reason) {
	}

	record AwardByHand(@NotNull UUID member, @NotNull UUID achievement, @NotBlank @Size(max = 1000) String reason) {
	}

	@GetMapping("/api/v1/credentials")
	@Operation(summary = "The caller's own credentials, newest first")
	List<CredentialSummary> mine(@AuthenticationPrincipal CurrentMember me) {
		return awards.of(Learner.of(me)).stream().map(a -> CredentialSummary.of(a, links)).toList();
	}

	@GetMapping("/api/v1/credentials/{id}")
	@Refuses(value = HttpStatus.NOT_FOUND, when = "The caller is neither the holder nor an admin of its organisation")
	@Operation(summary = "The signed OpenBadgeCredential (VC 2.0 JSON-LD, eddsa-rdfc-2022 proof), as issued",
			description = "For its holder and the admins of its organisation.")
	@ApiResponse(responseCode = "200", description = "The signed credential",
			content = @Content(mediaType = "application/json", schema = @Schema(type = "object",
					additionalProperties = Schema.AdditionalPropertiesValue.TRUE)))
	Map<String, Object> one(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id) {
		return json.readValue(awards.find(me, id).credential(), OBJECT);
	}

	@GetMapping(path = "/api/v1/credentials/{id}", produces = "application/vc+jwt")
	@Refuses(value = HttpStatus.NOT_FOUND, when = "The caller is neither the holder nor an admin of its organisation")
	@Operation(summary = "The same credential in its VC-JOSE-COSE form: a compact JWS (application/vc+jwt)",
			description = "Asked for with Accept: application/vc+jwt. Its payload is the credential without the Data "
					+ "Integrity proof; it is signed EdDSA (Ed25519) by the issuer's key, named by kid, a DID URL "
					+ "whose key the issuer's did:web document and JWK set publish.")
	@ApiResponse(responseCode = "200", description = "The compact JWS",
			content = @Content(mediaType = "application/vc+jwt", schema = @Schema(type = "string")))
	String jwt(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id) {
		return awards.jwt(awards.find(me, id));
	}

	@PostMapping(path = "/api/v1/credentials/verify", consumes = "application/vc+jwt")
	@Refuses(value = HttpStatus.UNPROCESSABLE_CONTENT,
			when = "Not a compact JWS, or its payload is not JSON-LD Morsel can read")
	@Operation(summary = "Verify a credential in its VC-JOSE-COSE form (a compact JWS); no sign-in needed",
			description = "The same checks as for the JSON form, with the JWS signature (EdDSA, key by kid) in place "
					+ "of the Data Integrity proof.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = "application/vc+jwt", schema = @Schema(type = "string"))))
	Verification verifyJwt(@RequestBody String credential) {
		return verifier.verifyJwt(credential);
	}

	@PostMapping(path = "/api/v1/credentials/verify", consumes = "application/json")
	@Refuses(value = HttpStatus.UNPROCESSABLE_CONTENT,
			when = "The document is not JSON-LD Morsel can read: an unknown context (never fetched), an undefined term")
	@Operation(summary = "Verify an Open Badges 3.0 credential, Morsel's or anyone's; no sign-in needed",
			description = "Checks the eddsa-rdfc-2022 proof (did:key issuers, and Morsel's own did:web issuers; no "
					+ "DID document or context is fetched), the validity dates, the status and the fields the OB 3.0 "
					+ "schema requires. verified is true when no check failed.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = "application/json", schema = @Schema(type = "object",
							additionalProperties = Schema.AdditionalPropertiesValue.TRUE))))
	Verification verify(@RequestBody String credential) {
		return verifier.verify(credential);
	}

	@PostMapping("/api/v1/credentials")
	@ResponseStatus(HttpStatus.CREATED)
	@Refuses(value = HttpStatus.FORBIDDEN, when = "The caller is not an admin")
	@Refuses(value = HttpStatus.NOT_FOUND, when = "The member or the achievement is not of the caller's organisation")
	@Refuses(value = HttpStatus.CONFLICT, when = "The member holds the achievement already")
	@Operation(summary = "For admins: award an achievement to a member by hand, with a reason",
			description = "The reason is the credential's evidence. Achievements that stack on it and are now earned "
					+ "are awarded too.")
	CredentialSummary award(@AuthenticationPrincipal CurrentMember me, @Valid @RequestBody AwardByHand award) {
		return CredentialSummary.of(awards.awardByHand(me, new MemberId(award.member()),
				new AchievementId(award.achievement()), award.reason()), links);
	}

	@PostMapping("/api/v1/credentials/{id}/revocation")
	@Refuses(value = HttpStatus.FORBIDDEN, when = "The caller is not an admin")
	@Refuses(value = HttpStatus.NOT_FOUND, when = "The credential is not of the caller's organisation")
	@Refuses(value = HttpStatus.CONFLICT, when = "The credential is revoked already, or names no status list")
	@Operation(summary = "For admins: revoke a credential for good, with a reason",
			description = "Sets its bit in the organisation's revocation status list, which is re-signed and served "
					+ "at once; every verifier then finds it revoked.")
	CredentialSummary revoke(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id,
			@Valid @RequestBody StatusChange change) {
		return CredentialSummary.of(statuses.revoke(me, id, change.reason()), links);
	}

	@PostMapping("/api/v1/credentials/{id}/suspension")
	@Refuses(value = HttpStatus.FORBIDDEN, when = "The caller is not an admin")
	@Refuses(value = HttpStatus.NOT_FOUND, when = "The credential is not of the caller's organisation")
	@Refuses(value = HttpStatus.CONFLICT,
			when = "The credential is revoked, suspended by an admin already, or names no status list")
	@Operation(summary = "For admins: suspend a credential, with a reason",
			description = "Sets its bit in the suspension status list. A suspension of the currency rule (mastery "
					+ "lapsed) becomes the admin's: only an admin reinstates it then.")
	CredentialSummary suspend(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id,
			@Valid @RequestBody StatusChange change) {
		return CredentialSummary.of(statuses.suspend(me, id, change.reason()), links);
	}

	@DeleteMapping("/api/v1/credentials/{id}/suspension")
	@Refuses(value = HttpStatus.FORBIDDEN, when = "The caller is not an admin")
	@Refuses(value = HttpStatus.NOT_FOUND, when = "The credential is not of the caller's organisation")
	@Refuses(value = HttpStatus.CONFLICT, when = "The credential is not suspended, or is revoked")
	@Operation(summary = "For admins: reinstate a suspended credential")
	CredentialSummary reinstate(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id) {
		return CredentialSummary.of(statuses.reinstate(me, id), links);
	}
}
