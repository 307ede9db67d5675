package io.morsel.credentials.web;

import io.morsel.catalog.Skills;
import io.morsel.credentials.AchievementId;
import io.morsel.credentials.Achievements;
import io.morsel.credentials.Badges;
import io.morsel.shared.UnusableImageException;
import io.morsel.credentials.Alignment;
import io.morsel.credentials.NewAchievement;
import io.morsel.identity.CurrentMember;
import io.morsel.shared.ConflictException;
import io.morsel.shared.InvalidValueException;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The studio's achievements: the list, with a form per achievement to upload its image, and a form to define one (one
 * alignment; the API takes several).
 */
@Controller
class AchievementStudioController {

	private static final String LIST = "credentials/achievements";

	private final Achievements achievements;
	private final Badges badges;
	private final Skills skills;

	AchievementStudioController(Achievements achievements, Badges badges, Skills skills) {
		this.achievements = achievements;
		this.badges = badges;
		this.skills = skills;
	}

	@GetMapping("/studio/achievements")
	String list(@AuthenticationPrincipal CurrentMember me, Model model) {
		model.addAttribute("achievements", achievements.of(me.organisationId()));
		model.addAttribute("skills", skills.of(me.organisationId()));
		model.addAttribute("skillNames", achievements.skillNames(me.organisationId()));
		return LIST;
	}

	/** An uploaded image for an achievement; a refused one is shown as the page's error. */
	@PostMapping("/studio/achievements/{id}/image")
	String upload(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id,
			@RequestParam(required = false) @Nullable MultipartFile image, Model model) throws IOException {
		try {
			if (image == null || image.isEmpty()) {
				throw new UnusableImageException("credentials.refused.choose-png-svg-file-upload");
			}
			if (image.getSize() > 256 * 1024) {
				throw new UnusableImageException("credentials.refused.image-most-256-kb");
			}
			badges.upload(me, new AchievementId(id), image.getBytes());
			return "redirect:/studio/achievements";
		}
		catch (UnusableImageException refused) {
			list(me, model);
			model.addAttribute("error", refused.getBody().getDetail());
			return LIST;
		}
	}

	@PostMapping("/studio/achievements")
	String define(@AuthenticationPrincipal CurrentMember me, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "") String criteria,
			@RequestParam(defaultValue = "") List<UUID> skill, @RequestParam(defaultValue = "") List<UUID> required,
			@RequestParam(required = false) @Nullable BigDecimal creditHours,
			@RequestParam(required = false) @Nullable Integer validDays,
			@RequestParam(required = false) @Nullable Integer graceDays,
			@RequestParam(defaultValue = "") String alignmentName, @RequestParam(defaultValue = "") String alignmentUrl,
			@RequestParam(defaultValue = "") String alignmentCode, Model model) {
		try {
			var alignments = alignmentName.isBlank() && alignmentUrl.isBlank() ? List.<Alignment>of()
					: List.of(new Alignment(alignmentName, alignmentUrl, alignmentCode.isBlank() ? null : alignmentCode));
			achievements.define(me,
					new NewAchievement(name, description, criteria, skill, required, alignments, creditHours,
							validDays, null, null, graceDays));
			return "redirect:/studio/achievements";
		}
		catch (InvalidValueException | ConflictException refused) {
			list(me, model);
			model.addAttribute("error", refused.getBody().getDetail());
			model.addAttribute("name", name);
			model.addAttribute("description", description);
			model.addAttribute("criteria", criteria);
			return LIST;
		}
	}
}
