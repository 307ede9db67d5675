package io.morsel.credentials.api;

import io.morsel.credentials.IssuerKeys;
import io.morsel.credentials.PublicLinks;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Role;
import io.morsel.shared.Refuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Credentials")
class IssuerKeyApi {

	private final IssuerKeys keys;
	private final PublicLinks links;

	IssuerKeyApi(IssuerKeys keys, PublicLinks links) {
		this.keys = keys;
		this.links = links;
	}

	record KeyView(@Schema(description = "The key's DID URL: the issuer's did:web and the key's fragment") String id,
			String publicKeyMultibase, Instant createdAt,
			@Schema(description = "When a rotation replaced it; retired keys stay published") @Nullable Instant retiredAt) {
	}

	record KeysView(String did, String didDocument, String jwks, List<KeyView> keys) {
	}

	@GetMapping("/api/v1/credentials/issuer-keys")
	@Refuses(value = HttpStatus.FORBIDDEN, when = "The caller is not an admin")
	@Operation(summary = "For admins: the organisation's issuer keys, newest first")
	KeysView list(@AuthenticationPrincipal CurrentMember me) {
		requireAdmin(me);
		return view(me);
	}

	@PostMapping("/api/v1/credentials/issuer-keys")
	@ResponseStatus(HttpStatus.CREATED)
	@Refuses(value = HttpStatus.FORBIDDEN, when = "The caller is not an admin")
	@Operation(summary = "For admins: rotate the organisation's issuer key",
			description = "The current key is retired and a new one signs from now on. Retired keys stay in the DID "
					+ "document and the JWK set, so credentials signed with them still verify.")
	KeysView rotate(@AuthenticationPrincipal CurrentMember me) {
		requireAdmin(me);
		keys.rotate(me.organisationId());
		return view(me);
	}

	private KeysView view(CurrentMember me) {
		var did = links.did(me.organisationSlug());
		var base = links.issuerPage(me.organisationSlug());
		return new KeysView(did, base + "/did.json", base + "/jwks.json", keys.published(me.organisationId()).stream()
			.map(k -> new KeyView(did + "#" + k.fragment(), k.publicKeyMultibase(), k.createdAt(), k.retiredAt()))
			.toList());
	}

	private static void requireAdmin(CurrentMember me) {
		if (!me.has(Role.ADMIN)) {
			throw new AccessDeniedException("Only admins manage issuer keys");
		}
	}
}
