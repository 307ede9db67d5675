package io.morsel.credentials.web;

import io.morsel.credentials.StatusLists;
import io.morsel.shared.NotFoundException;
import java.time.Duration;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organisations' status list credentials (Bitstring Status List v1.0), public: every credential's
 * {@code credentialStatus} names one of them. Kept for as long as the list's {@code ttl} says, five minutes, so a
 * revocation reaches verifiers within minutes.
 */
@RestController
class StatusListController {

	/** The media type of a VC 2.0 credential secured inside (here by a Data Integrity proof). */
	private static final MediaType VC = MediaType.parseMediaType("application/vc");

	private final StatusLists lists;

	StatusListController(StatusLists lists) {
		this.lists = lists;
	}

	@GetMapping("/credentials/status/{id}")
	ResponseEntity<String> list(@PathVariable UUID id) {
		return ResponseEntity.ok()
			.contentType(VC)
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
			.body(lists.credential(id).orElseThrow(() -> new NotFoundException("not-found.status-list")));
	}
}
