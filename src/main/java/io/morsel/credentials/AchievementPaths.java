package io.morsel.credentials;

import io.morsel.catalog.LessonId;
import io.morsel.catalog.Lessons;
import io.morsel.catalog.Program;
import io.morsel.catalog.Programs;
import io.morsel.catalog.SkillId;
import io.morsel.identity.Directory;
import io.morsel.learning.Learner;
import io.morsel.reinforcement.MasteryStatus;
import io.morsel.reinforcement.SkillMastery;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * A learner's achievements and the path ahead: the credentials they hold, with their links to show and share them,
 * and every achievement they do not hold yet with what it still needs — the skills to master (and the lessons that
 * teach them), the programs to complete and the achievements to hold, which is how smaller credentials stack into
 * larger ones.
 */
@Service
public class AchievementPaths {

	private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter
		.ofPattern("d MMMM yyyy", java.util.Locale.ENGLISH)
		.withZone(java.time.ZoneOffset.UTC);

	/** The most lessons shown for one skill still to master. */
	static final int LESSONS_PER_SKILL = 3;

	/**
	 * A credential the learner holds: its public page's address, LinkedIn's "Add to profile" and share addresses for
	 * it, the larger achievements it counts toward, and while the mastery behind it has lapsed, the day it will be
	 * suspended unless the learner reviews ({@code suspendedOn}).
	 */
	public record Held(Award award, String issuedOn, @Nullable String validUntilOn, String page, String addToLinkedIn,
			String shareOnLinkedIn, List<String> stacksInto, @Nullable String suspendedOn) {
	}

	/**
	 * Something an achievement needs: a skill to master, an achievement to hold (held and current), or a program to
	 * complete (with {@code minimumScore} percent, when set); {@code lessons} teach a skill still to master.
	 */
	public record Requirement(String name, Kind kind, boolean met, List<Lesson> lessons, @Nullable Integer minimumScore) {

		public enum Kind {
			SKILL, ACHIEVEMENT, PROGRAM
		}
	}

	/** A lesson that teaches a skill still to master. */
	public record Lesson(LessonId id, String title) {
	}

	/** An achievement the learner does not hold yet, with what it needs; {@code missing} of them are not met. */
	public record Next(Achievement achievement, List<Requirement> requirements, long missing) {

		/** Whether it stacks on other achievements: a larger credential. */
		public boolean stacked() {
			return !achievement.criteria().achievements().isEmpty();
		}
	}

	public record Path(List<Held> held, List<Next> next) {
	}

	private final Awards awards;
	private final Achievements achievements;
	private final SkillMastery mastery;
	private final Lessons lessons;
	private final Programs programs;
	private final ProgramResults programResults;
	private final Directory directory;
	private final PublicLinks links;
	private final JsonMapper json;
	private final Clock clock;

	AchievementPaths(Awards awards, Achievements achievements, SkillMastery mastery, Lessons lessons,
			Programs programs, ProgramResults programResults, Directory directory, PublicLinks links, JsonMapper json,
			Clock clock) {
		this.programs = programs;
		this.programResults = programResults;
		this.awards = awards;
		this.achievements = achievements;
		this.mastery = mastery;
		this.lessons = lessons;
		this.directory = directory;
		this.links = links;
		this.json = json;
		this.clock = clock;
	}

	/** The learner's path: held credentials newest first; achievements ahead, nearest (fewest needs left) first. */
	@Transactional(readOnly = true)
	public Path of(Learner learner) {
		var organisation = directory.profile(learner.organisationId()).orElseThrow();
		var all = achievements.of(learner.organisationId());
		var byId = all.stream().collect(Collectors.toMap(Achievement::id, Function.identity()));
		var mine = awards.of(learner);
		var held = new ArrayList<Held>();
		for (var award : mine) {
			var validUntil = json.readTree(award.credential()).path("validUntil").asString(null);
			var until = validUntil == null ? null : Instant.parse(validUntil);
			var page = links.credentialPage(award.id());
			var into = all.stream()
				.filter(a -> a.criteria().achievements().contains(award.achievementId()))
				.map(Achievement::name)
				.toList();
			held.add(new Held(award, DAY.format(award.issuedAt()), until == null ? null : DAY.format(until), page,
					LinkedIn.addToProfile(award.achievementName(), organisation.name(), award.issuedAt(), until, page,
							award.id()),
					LinkedIn.share(page), into,
					award.lapseDueAt() == null ? null : DAY.format(award.lapseDueAt())));
		}
		var current = mine.stream()
			.filter(a -> a.status() == AwardStatus.ACTIVE)
			.map(Award::achievementId)
			.collect(Collectors.toSet());
		var holding = mine.stream().map(Award::achievementId).collect(Collectors.toSet());
		var mastered = mastery.of(learner, clock.instant()).stream()
			.filter(s -> s.status() == MasteryStatus.MASTERED)
			.map(SkillMastery.SkillStanding::skillId)
			.collect(Collectors.toSet());
		var skillNames = achievements.skillNames(learner.organisationId());
		var completed = programResults.completed(learner);
		var programNames = programs.all(learner.organisationId()).stream()
			.collect(Collectors.toMap(Program::id, Program::title));
		Map<SkillId, List<Lesson>> teaching = null;
		var next = new ArrayList<Next>();
		for (var achievement : all) {
			if (holding.contains(achievement.id())) {
				continue;
			}
			var requirements = new ArrayList<Requirement>();
			for (var skill : achievement.criteria().skills()) {
				var met = mastered.contains(skill);
				if (!met && teaching == null) {
					teaching = lessonsBySkill(learner);
				}
				requirements.add(new Requirement(skillNames.getOrDefault(skill, "?"), Requirement.Kind.SKILL, met,
						met ? List.of() : teaching.getOrDefault(skill, List.of()), null));
			}
			for (var required : achievement.criteria().achievements()) {
				var name = byId.containsKey(required) ? byId.get(required).name() : "?";
				requirements.add(new Requirement(name, Requirement.Kind.ACHIEVEMENT, current.contains(required),
						List.of(), null));
			}
			var minimum = achievement.criteria().minimumScore();
			for (var program : achievement.criteria().programs()) {
				var score = completed.get(program);
				var met = score != null && (minimum == null || score * 100 >= minimum - 1e-9);
				requirements.add(new Requirement(programNames.getOrDefault(program, "?"), Requirement.Kind.PROGRAM, met,
						List.of(), minimum));
			}
			requirements.sort(Comparator.comparing(Requirement::met).thenComparing(Requirement::name));
			next.add(new Next(achievement, requirements, requirements.stream().filter(r -> !r.met()).count()));
		}
		next.sort(Comparator.comparingLong(Next::missing).thenComparing(n -> n.achievement().name()));
		return new Path(held, next);
	}

	/** The published lessons of the learner's organisation tagged with each skill, by title. */
	private Map<SkillId, List<Lesson>> lessonsBySkill(Learner learner) {
		var bySkill = new HashMap<SkillId, List<Lesson>>();
		for (var summary : lessons.published(learner.organisationId())) {
			lessons.latestPublished(learner.organisationId(), summary.id()).ifPresent(version -> {
				for (var skill : lessons.skillsOf(version)) {
					var list = bySkill.computeIfAbsent(skill, s -> new ArrayList<>());
					if (list.size() < LESSONS_PER_SKILL) {
						list.add(new Lesson(summary.id(), summary.title()));
					}
				}
			});
		}
		return bySkill;
	}
}
