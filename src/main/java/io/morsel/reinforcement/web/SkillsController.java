package io.morsel.reinforcement.web;

import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.learning.Learner;
import io.morsel.reinforcement.SkillMastery;
import io.morsel.reinforcement.SkillMastery.SkillStanding;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The learner's skills (status, predicted recall and each one's forgetting curve as server-rendered SVG), and the
 * team's: every member's recall of every skill, weakest first (docs/reinforcement.md, "Mastery").
 */
@Controller
class SkillsController {

	static final String VIEW = "reinforcement/skills";
	static final String TEAM_VIEW = "reinforcement/team-skills";
	/** How far ahead the curve goes, and in how many steps it is drawn. */
	static final Duration AHEAD = Duration.ofDays(30);
	static final int SAMPLES = 120;

	/** A skill, and its chart when the learner has reviewed it. */
	record SkillRow(SkillStanding standing, @Nullable RecallChart chart) {
	}

	private final SkillMastery mastery;
	private final Clock clock;
	private final Directory directory;

	SkillsController(SkillMastery mastery, Clock clock, Directory directory) {
		this.directory = directory;
		this.mastery = mastery;
		this.clock = clock;
	}

	@GetMapping("/skills")
	String skills(@AuthenticationPrincipal CurrentMember me, Model model) {
		var now = clock.instant();
		var learner = Learner.of(me);
		var thresholds = mastery.thresholds(me.organisationId());
		var threshold = thresholds.recall();
		var rows = new ArrayList<SkillRow>();
		for (var standing : mastery.of(learner, now)) {
			var chart = standing.items() == 0 ? null
					: mastery.curve(learner, standing.skillId(), now, AHEAD, SAMPLES)
						.map(curve -> RecallChart.of(curve, threshold, me.zone()))
						.orElse(null);
			rows.add(new SkillRow(standing, chart));
		}
		model.addAttribute("skills", rows);
		model.addAttribute("threshold", Math.round(threshold * 100));
		model.addAttribute("thresholds", thresholds);
		return VIEW;
	}

	/**
	 * Managers and admins (SkillsAccess): the people they look after who have reviewed something (admins: everyone; a
	 * manager: the groups they manage).
	 */
	@GetMapping("/skills/team")
	String team(@AuthenticationPrincipal CurrentMember me, Model model) {
		var looksAfter = directory.looksAfter(me);
		model.addAttribute("rows", mastery.team(me.organisationId(), clock.instant())
			.stream()
			.filter(row -> looksAfter.test(row.memberId()))
			.toList());
		return TEAM_VIEW;
	}
}
