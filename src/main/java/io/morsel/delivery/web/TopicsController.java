package io.morsel.delivery.web;

import io.morsel.catalog.SkillId;
import io.morsel.catalog.Skills;
import io.morsel.delivery.Topics;
import io.morsel.identity.CurrentMember;
import io.morsel.learning.Learner;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A learner's topics: the organisation's skills to follow, and the catalog narrowed to those followed. */
@Controller
class TopicsController {

	private static final String VIEW = "delivery/topics";

	private final Topics topics;
	private final Skills skills;

	TopicsController(Topics topics, Skills skills) {
		this.topics = topics;
		this.skills = skills;
	}

	@GetMapping("/delivery/topics")
	String topics(@AuthenticationPrincipal CurrentMember me, Model model) {
		var learner = Learner.of(me);
		model.addAttribute("skills", skills.of(me.organisationId()));
		model.addAttribute("followed", topics.followed(learner).stream().map(s -> s.id()).toList());
		model.addAttribute("lessons", topics.lessons(learner));
		return VIEW;
	}

	@PostMapping("/delivery/topics/{skill}")
	String follow(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID skill,
			@RequestParam(defaultValue = "true") boolean follow) {
		if (follow) {
			topics.follow(Learner.of(me), new SkillId(skill));
		}
		else {
			topics.unfollow(Learner.of(me), new SkillId(skill));
		}
		return "redirect:/delivery/topics";
	}
}
