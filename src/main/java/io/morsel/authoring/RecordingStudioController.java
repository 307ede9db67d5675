package io.morsel.authoring;

import io.morsel.catalog.Media;
import io.morsel.catalog.MediaLibrary;
import io.morsel.identity.CurrentMember;
import io.morsel.shared.ConflictException;
import io.morsel.shared.InvalidValueException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The studio's recordings: a transcript pasted or uploaded, with the recording's media file when the author has it,
 * the cuts the segmenter proposes reviewed (moved, joined,
 * split) and the accepted segments made into lesson drafts. Plain forms throughout, so it works without JavaScript;
 * a refused change shows why and keeps the cuts and what the author typed.
 */
@Controller
class RecordingStudioController {

	private static final String RECORDINGS = "authoring/recordings";
	private static final String RECORDING = "authoring/recording";

	private final Repurposing repurposing;
	private final Workbench workbench;
	private final MediaLibrary library;
	private final int uploadLimit;

	RecordingStudioController(Repurposing repurposing, Workbench workbench, MediaLibrary library,
			@Value("${morsel.studio.transcript-max-size:2MB}") DataSize uploadLimit) {
		this.repurposing = repurposing;
		this.workbench = workbench;
		this.library = library;
		this.uploadLimit = Math.toIntExact(uploadLimit.toBytes());
	}

	@GetMapping("/studio/recordings")
	String recordings(@AuthenticationPrincipal CurrentMember me, Model model) {
		model.addAttribute("reviews", repurposing.reviews(me));
		model.addAttribute("maxMinutes", Repurposing.DEFAULT_MAX_MINUTES);
		return RECORDINGS;
	}

	@PostMapping("/studio/recordings")
	String start(@AuthenticationPrincipal CurrentMember me, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String transcript, @RequestParam(required = false) @Nullable String format,
			@RequestParam(defaultValue = "7") int maxMinutes,
			@RequestParam(name = "file", required = false) @Nullable MultipartFile file,
			@RequestParam(name = "media", required = false) @Nullable MultipartFile media, Model model,
			HttpServletResponse response) throws IOException {
		Media stored = null;
		try {
			var text = transcript;
			var named = format == null || format.isBlank() ? null : format;
			if (file != null && !file.isEmpty()) {
				try (var in = file.getInputStream()) {
					var bytes = in.readNBytes(uploadLimit + 1);
					if (bytes.length > uploadLimit) {
						throw new InvalidValueException("authoring.refused.transcript-file-most-mb-larger",
								uploadLimit / 1_000_000);
					}
					if (DocumentText.isDocument(file.getOriginalFilename())) {
						// A document is cut as a transcript without timestamps, its headings kept as Markdown's.
						text = DocumentText.markdown(file.getOriginalFilename(), bytes);
						named = "text";
					}
					else {
						text = Repurposing.utf8(bytes);
					}
				}
				named = named != null ? named : TranscriptFormat.ofFileName(file.getOriginalFilename());
				name = name.isBlank() && file.getOriginalFilename() != null ? file.getOriginalFilename() : name;
			}
			if (media != null && !media.isEmpty()) {
				stored = store(me, media);
			}
			return "redirect:/studio/recordings/"
					+ repurposing.startReview(me, name, text, named, maxMinutes, stored == null ? null : stored.id());
		}
		catch (InvalidValueException refused) {
			if (stored != null) {
				// A refused recording keeps nothing, its media file included.
				library.discard(me.organisationId(), stored.id());
			}
			// The page again, with the reason, answered 400: the file or text sent is what was wrong.
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("error", refused.getMessage());
			model.addAttribute("name", name);
			model.addAttribute("transcript", transcript);
			model.addAttribute("format", format);
			model.addAttribute("uploaded", file != null && !file.isEmpty() || media != null && !media.isEmpty());
			model.addAttribute("reviews", repurposing.reviews(me));
			model.addAttribute("maxMinutes", maxMinutes);
			return RECORDINGS;
		}
	}

	@GetMapping("/studio/recordings/{id}")
	String review(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id, Model model) {
		var review = repurposing.review(me, id);
		model.addAttribute("review", review);
		model.addAttribute("times", RecordingTimes.INSTANCE);
		model.addAttribute("segmentation", review.segmentation());
		model.addAttribute("lessons", review.lessons()
			.stream()
			.map(lesson -> workbench.latest(me, lesson))
			.toList());
		return RECORDING;
	}

	@PostMapping("/studio/recordings/{id}/cuts/{segment}")
	String moveCut(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id, @PathVariable int segment,
			@RequestParam int sentence, Model model) {
		return change(me, id, model, () -> repurposing.moveCut(me, id, segment, sentence));
	}

	@PostMapping("/studio/recordings/{id}/cuts/{segment}/remove")
	String join(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id, @PathVariable int segment,
			Model model) {
		return change(me, id, model, () -> repurposing.merge(me, id, segment));
	}

	@PostMapping("/studio/recordings/{id}/cuts")
	String split(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id, @RequestParam int sentence,
			Model model) {
		return change(me, id, model, () -> repurposing.split(me, id, sentence));
	}

	/**
	 * The accepted segments ({@code accept}, by number from 0) with the title and objective the author left in each
	 * ({@code title-<n>}, {@code objective-<n>}).
	 */
	@PostMapping("/studio/recordings/{id}/lessons")
	String accept(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id,
			@RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
		var segments = repurposing.review(me, id).segmentation().segments();
		var accepted = new ArrayList<Repurposing.AcceptedSegment>();
		var chosen = form.getOrDefault("accept", List.of());
		for (var i = 0; i < segments.size(); i++) {
			if (chosen.contains(String.valueOf(i))) {
				var segment = segments.get(i);
				accepted.add(new Repurposing.AcceptedSegment(segment.firstSentence(), segment.sentenceCount(),
						form.getFirst("title-" + i), form.getFirst("objective-" + i)));
			}
		}
		try {
			repurposing.accept(me, id, accepted);
		}
		catch (InvalidValueException | ConflictException refused) {
			model.addAttribute("error", refused.getMessage());
			model.addAttribute("typed", form.toSingleValueMap());
			model.addAttribute("chosen", chosen);
			return review(me, id, model);
		}
		redirect.addFlashAttribute("flash", "studio.recordings.drafted");
		return "redirect:/studio/recordings/" + id;
	}

	private Media store(CurrentMember me, MultipartFile media) throws IOException {
		try (var in = media.getInputStream()) {
			return library.store(me, media.getOriginalFilename(), in);
		}
		catch (MediaLibrary.UnsupportedMediaException | MediaLibrary.MediaTooLargeException refused) {
			throw new InvalidValueException(refused.getDetailMessageCode(), refused.getDetailMessageArguments());
		}
	}

	private String change(CurrentMember me, UUID id, Model model, Runnable change) {
		try {
			change.run();
		}
		catch (InvalidValueException | ConflictException refused) {
			model.addAttribute("error", refused.getMessage());
			return review(me, id, model);
		}
		return "redirect:/studio/recordings/" + id;
	}
}
