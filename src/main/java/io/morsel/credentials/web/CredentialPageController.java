package io.morsel.credentials.web;

import io.morsel.credentials.Awards;
import io.morsel.credentials.Badges;
import io.morsel.credentials.Verifier;
import io.morsel.shared.NotFoundException;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A credential's public page, for anyone its holder gives the link: what was earned, from whom, on what evidence, and
 * the result of verifying it now, as any verifier would. Its JSON, JWT and baked PNG and SVG are downloads beside it.
 */
@Controller
class CredentialPageController {

	private final Awards awards;
	private final Verifier verifier;
	private final Badges badges;
	private final JsonMapper json;

	CredentialPageController(Awards awards, Verifier verifier, Badges badges, JsonMapper json) {
		this.awards = awards;
		this.badges = badges;
		this.verifier = verifier;
		this.json = json;
	}

	@GetMapping("/credentials/{id}")
	String page(@PathVariable UUID id, Model model) {
		var award = awards.publicly(id).orElseThrow(() -> new NotFoundException("not-found.credential"));
		model.addAttribute("award", award);
		model.addAttribute("credential", json.readTree(award.credential()));
		model.addAttribute("verification", verifier.verify(award.credential()));
		return "credentials/credential";
	}

	@GetMapping("/credentials/{id}/credential.jwt")
	ResponseEntity<String> downloadJwt(@PathVariable UUID id) {
		var award = awards.publicly(id).orElseThrow(() -> new NotFoundException("not-found.credential"));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/vc+jwt"))
			.header("Content-Disposition", "attachment; filename=\"credential-" + id + ".jwt\"")
			.body(awards.jwt(award));
	}

	/** The badge as a PNG with the credential baked in (Open Badges 3.0 baking). */
	@GetMapping("/credentials/{id}/credential.png")
	ResponseEntity<byte[]> downloadPng(@PathVariable UUID id) {
		var award = awards.publicly(id).orElseThrow(() -> new NotFoundException("not-found.credential"));
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.header("Content-Disposition", "attachment; filename=\"credential-" + id + ".png\"")
			.body(badges.bakedPng(award));
	}

	/** The badge as an SVG document with the credential baked in (Open Badges 3.0 baking). */
	@GetMapping("/credentials/{id}/credential.svg")
	ResponseEntity<String> downloadSvg(@PathVariable UUID id) {
		var award = awards.publicly(id).orElseThrow(() -> new NotFoundException("not-found.credential"));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("image/svg+xml"))
			.header("Content-Disposition", "attachment; filename=\"credential-" + id + ".svg\"")
			.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
			.body(badges.bakedSvg(award));
	}

	@GetMapping("/credentials/{id}/credential.json")
	ResponseEntity<String> download(@PathVariable UUID id) {
		var award = awards.publicly(id).orElseThrow(() -> new NotFoundException("not-found.credential"));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header("Content-Disposition", "attachment; filename=\"credential-" + id + ".json\"")
			.body(award.credential());
	}
}
