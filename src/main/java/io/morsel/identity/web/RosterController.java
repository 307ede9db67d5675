package io.morsel.identity.web;

import io.morsel.identity.CurrentMember;
import io.morsel.identity.internal.Roster;
import io.morsel.shared.InvalidValueException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/**
 * Admins add people from a CSV file: upload it, read the preview with each row's problems, then confirm. Nothing is
 * saved before the confirmation; the preview carries the file's text to it, so any node can take it.
 */
@Controller
class RosterController {

	private static final String VIEW = "identity/roster";

	/** Far more than {@link Roster#MAX_ROWS} lines of email, name, groups and roles take. */
	private static final long MAX_BYTES = 1024 * 1024;

	private final Roster roster;

	RosterController(Roster roster) {
		this.roster = roster;
	}

	@GetMapping("/admin/people/import")
	String form() {
		return VIEW;
	}

	@PostMapping("/admin/people/import/preview")
	ModelAndView preview(@AuthenticationPrincipal CurrentMember me,
			@RequestParam(required = false) @Nullable MultipartFile file) throws IOException {
		try {
			var csv = text(file);
			return new ModelAndView(VIEW).addObject("preview", roster.preview(me, csv)).addObject("csv", csv);
		}
		catch (InvalidValueException e) {
			return refused(e);
		}
	}

	@PostMapping("/admin/people/import")
	ModelAndView add(@AuthenticationPrincipal CurrentMember me, @RequestParam String csv) {
		try {
			return new ModelAndView(VIEW).addObject("added", roster.add(me, csv));
		}
		catch (InvalidValueException e) {
			return refused(e);
		}
	}

	private static ModelAndView refused(InvalidValueException e) {
		var page = new ModelAndView(VIEW).addObject("problem", e.getBody().getDetail());
		page.setStatus(HttpStatus.BAD_REQUEST);
		return page;
	}

	private static String text(@Nullable MultipartFile file) throws IOException {
		if (file == null || file.isEmpty()) {
			throw new InvalidValueException("identity.refused.choose-csv-file-upload");
		}
		if (file.getSize() > MAX_BYTES) {
			throw new InvalidValueException("identity.refused.file-larger-than-1-mb");
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(file.getBytes()))
				.toString();
		}
		catch (CharacterCodingException e) {
			throw new InvalidValueException("identity.refused.file-not-utf-8-text-save");
		}
	}
}
