package io.morsel.credentials.demo;

import io.morsel.catalog.LessonId;
import io.morsel.catalog.Lessons;
import io.morsel.catalog.Skill;
import io.morsel.catalog.SkillId;
import io.morsel.catalog.Skills;
import io.morsel.credentials.AchievementId;
import io.morsel.credentials.Achievements;
import io.morsel.credentials.NewAchievement;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.identity.OrganisationId;
import io.morsel.learning.Attempts;
import io.morsel.learning.Learner;
import io.morsel.reinforcement.PastReviews;
import io.morsel.reinforcement.Rating;
import io.morsel.reinforcement.Review;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seeds each demo organisation's achievements ({@code demo/achievements.json}: skills named as the demo catalog names
 * them, required achievements by name) and, where the file names a demo learner, their review history of the lessons
 * devoted to the skills it says they mastered. The history goes through reinforcement's FSRS scheduler and mastery rule
 * ({@link PastReviews}), and the lesson itself taken through learning's attempts, answered right on the day of the first
 * review; the credential then comes the way every credential does, from the {@code SkillMastered} event through the
 * publication log. Runs after the demo catalog, once per organisation: it does nothing where the
 * organisation has achievements already.
 */
class DemoAchievements {

	static final String RESOURCE = "demo/achievements.json";

	/**
	 * When the demo learner reviewed, in days before the first start: the lesson, a review four days later, and one a
	 * week after that, each answered right ("good"). That meets the default mastery rule (right on two separate days or
	 * more, the last interval at least three days) and leaves the recall two days later well above 85%.
	 */
	static final List<Integer> DAYS_AGO = List.of(13, 9, 2);

	private static final Logger log = LoggerFactory.getLogger(DemoAchievements.class);

	record DemoAchievement(String name, String description, String criteria, List<String> skills,
			List<String> achievements, @Nullable BigDecimal creditHours) {
	}

	record DemoLearner(String email, List<String> mastered) {
	}

	record DemoOrganisation(List<DemoAchievement> achievements, @Nullable DemoLearner learner) {
	}

	private final Directory directory;
	private final Skills skills;
	private final Lessons lessons;
	private final Achievements achievements;
	private final PastReviews pastReviews;
	private final Attempts attempts;
	private final JsonMapper json;
	private final Clock clock;

	DemoAchievements(Directory directory, Skills skills, Lessons lessons, Achievements achievements,
			PastReviews pastReviews, Attempts attempts, JsonMapper json, Clock clock) {
		this.directory = directory;
		this.skills = skills;
		this.lessons = lessons;
		this.achievements = achievements;
		this.pastReviews = pastReviews;
		this.attempts = attempts;
		this.json = json;
		this.clock = clock;
	}

	@Order(10)
	@EventListener(ApplicationReadyEvent.class)
	void seed() throws IOException {
		Map<String, DemoOrganisation> demo;
		try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
			demo = json.readValue(in, new TypeReference<Map<String, DemoOrganisation>>() {
			});
		}
		demo.forEach((slug, organisation) -> {
			var author = directory.member("author@" + slug + ".test", slug);
			if (author.isEmpty() || !achievements.of(author.get().organisationId()).isEmpty()) {
				return;
			}
			var named = skills.of(author.get().organisationId()).stream()
				.collect(Collectors.toMap(s -> s.name().toLowerCase(Locale.ROOT), Skill::id));
			var mastered = organisation.learner() == null ? List.<String>of() : organisation.learner().mastered();
			var missing = Stream.concat(organisation.achievements().stream()
				.flatMap(a -> a.skills().stream()), mastered.stream())
				.distinct()
				.filter(name -> !named.containsKey(name.toLowerCase(Locale.ROOT)))
				.toList();
			if (!missing.isEmpty()) {
				// The demo catalog changed under the file: say which names to re-point rather than stop the start.
				log.warn("Not seeding the demo achievements of {}: {} names skills the catalog lacks: {}", slug,
						RESOURCE, missing);
				return;
			}
			define(author.get(), organisation.achievements(), named);
			if (organisation.learner() != null) {
				seedHistory(slug, organisation.learner(), named);
			}
			log.info("Seeded the demo achievements of {}", slug);
		});
	}

	private void define(CurrentMember author, List<DemoAchievement> demo, Map<String, SkillId> skillsByName) {
		var defined = new HashMap<String, AchievementId>();
		for (var achievement : demo) {
			var required = achievement.achievements().stream().map(name -> {
				var id = defined.get(name);
				if (id == null) {
					throw new IllegalStateException(RESOURCE + ": '" + achievement.name() + "' requires '" + name
							+ "', which is not defined before it");
				}
				return id.value();
			}).toList();
			var made = achievements.define(author, new NewAchievement(achievement.name(), achievement.description(),
					achievement.criteria(), achievement.skills().stream()
						.map(name -> skillsByName.get(name.toLowerCase(Locale.ROOT)).value())
						.toList(),
					required, List.of(), achievement.creditHours(), null));
			defined.put(made.name(), made.id());
		}
	}

	/**
	 * Replays the learner's history of each published lesson devoted to a mastered skill alone (a lesson that also
	 * teaches another skill would start that one too), one transaction per lesson, and then has them take the lesson
	 * on the day of its first review, so that their progress shows what their reviews and credential rest on.
	 */
	private void seedHistory(String slug, DemoLearner demoLearner, Map<String, SkillId> skillsByName) {
		var member = directory.member(demoLearner.email(), slug);
		if (member.isEmpty()) {
			log.warn("Not seeding a review history: {} is not a member of {}", demoLearner.email(), slug);
			return;
		}
		var learner = Learner.of(member.get());
		var organisation = learner.organisationId();
		var now = clock.instant();
		var history = DAYS_AGO.stream()
			.map(days -> new Review(now.minus(Duration.ofDays(days)), Rating.GOOD))
			.toList();
		var lessonSkills = lessons.latestSkills(organisation);
		for (var name : demoLearner.mastered()) {
			var skill = skillsByName.get(name.toLowerCase(Locale.ROOT));
			for (var lesson : devotedTo(organisation, skill, lessonSkills)) {
				if (pastReviews.replay(learner, lesson, history) > 0) {
					take(learner, lesson, history.getFirst().at());
				}
			}
		}
	}

	/**
	 * Answers every interaction of the lesson right at {@code at}, through learning's attempts as a learner's answers
	 * go: the attempt starts then and completes with the last answer. After the replay, whose cards were the first
	 * answers' reviews: the cards are there already, so the answers' own first reviews leave them as they are.
	 */
	private void take(Learner learner, LessonId lesson, Instant at) {
		var version = lessons.latestPublished(learner.organisationId(), lesson).orElseThrow();
		for (var interaction : version.content().interactions()) {
			attempts.answer(learner, lesson, interaction.id(), interaction.fullMarks("I tried it in my own workspace this week."), null, null, ZoneOffset.UTC,
					at);
		}
	}


	private List<LessonId> devotedTo(OrganisationId organisation, SkillId skill,
			Map<LessonId, Set<SkillId>> lessonSkills) {
		var devoted = new ArrayList<LessonId>();
		for (var lesson : lessons.publishedWithSkills(organisation, List.of(skill))) {
			if (Set.of(skill).equals(lessonSkills.get(lesson.id()))) {
				devoted.add(lesson.id());
			}
		}
		return devoted;
	}
}
