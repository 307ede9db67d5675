package io.morsel.reinforcement;

import io.morsel.catalog.Skill;
import io.morsel.catalog.SkillId;
import io.morsel.catalog.Skills;
import io.morsel.identity.Directory;
import io.morsel.identity.Member;
import io.morsel.identity.MemberId;
import io.morsel.identity.OrganisationId;
import io.morsel.identity.UserId;
import io.morsel.learning.Learner;
import io.morsel.shared.NotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Learners' mastery of skills (docs/reinforcement.md, "Mastery"): each skill's predicted recall, stability and status
 * for a learner, its forgetting curve, the team table, and the events when a status changes — after each review
 * ({@link #check}) and in the nightly scan for mastery that lapsed ({@link #scanLapses}).
 */
@Service
public class SkillMastery {

	/** How many lapsed skills one transaction of the nightly scan marks. */
	static final int SCAN_BATCH = 1_000;

	/** Where a learner stands with one skill. */
	public record SkillStanding(SkillId skillId, String name, MasteryStatus status, double recall, double stability,
			int items, @Nullable Instant lastReviewedAt) {
	}

	/** A skill's predicted recall over time (the weakest card's at each moment) and its reviews. */
	public record RecallCurve(SkillStanding standing, List<Point> points, List<Mark> reviews, Instant now) {
	}

	public record Point(Instant at, double recall) {
	}

	/** A review, at the skill's recall just before it. */
	public record Mark(Instant at, double recall, boolean correct) {
	}

	/** One learner's recall of one skill, for the team table. */
	public record TeamRecall(MemberId memberId, String member, SkillId skillId, String skill, double recall,
			MasteryStatus status) {
	}

	private final Masteries masteries;
	private final Scheduling scheduling;
	private final Skills skills;
	private final Directory directory;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate transactions;

	SkillMastery(Masteries masteries, Scheduling scheduling, Skills skills, Directory directory,
			ApplicationEventPublisher events, PlatformTransactionManager transactions) {
		this.masteries = masteries;
		this.scheduling = scheduling;
		this.skills = skills;
		this.directory = directory;
		this.events = events;
		this.transactions = new TransactionTemplate(transactions);
	}

	/**
	 * The learner's standing with each skill of their organisation: the skills they have cards of, weakest recall
	 * first, then those not started, by name.
	 */
	@Transactional(readOnly = true)
	public List<SkillStanding> of(Learner learner, Instant now) {
		var rule = rule(learner.organisationId());
		var items = items(masteries.reviews(learner, List.of()));
		var stored = masteries.stored(learner, List.of(), false);
		var standings = new ArrayList<SkillStanding>();
		var notStarted = new ArrayList<SkillStanding>();
		for (var skill : skills.of(learner.organisationId())) {
			var mine = items.getOrDefault(skill.id(), List.of());
			var judged = rule.judge(mine, wasMastered(stored.get(skill.id())), now);
			var standing = standing(skill, judged);
			(mine.isEmpty() ? notStarted : standings).add(standing);
		}
		standings.sort(Comparator.comparingDouble(SkillStanding::recall));
		standings.addAll(notStarted);
		return standings;
	}

	/** A member's standings, for a manager or administrator of their organisation; anyone else is not found. */
	@Transactional(readOnly = true)
	public List<SkillStanding> of(OrganisationId organisation, MemberId member, Instant now) {
		var person = directory.people(organisation).stream()
			.filter(p -> p.id().equals(member))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("not-found.member"));
		return of(new Learner(organisation, person.userId()), now);
	}

	/**
	 * The skill's predicted recall from the learner's first review of it to {@code ahead} after now, in
	 * {@code samples} steps; empty when they have no card of it.
	 */
	@Transactional(readOnly = true)
	public Optional<RecallCurve> curve(Learner learner, SkillId skillId, Instant now, Duration ahead, int samples) {
		var skill = skills.of(learner.organisationId()).stream()
			.filter(s -> s.id().equals(skillId))
			.findFirst();
		if (skill.isEmpty()) {
			return Optional.empty();
		}
		var reviews = masteries.reviews(learner, List.of(skillId));
		if (reviews.isEmpty()) {
			return Optional.empty();
		}
		var rule = rule(learner.organisationId());
		var stored = masteries.stored(learner, List.of(skillId), false);
		var standing = standing(skill.get(), rule.judge(items(reviews).get(skillId), wasMastered(stored.get(skillId)), now));
		var byCard = reviews.stream().collect(Collectors.groupingBy(Masteries.Reviewed::cardId, LinkedHashMap::new,
				Collectors.toList()));
		var first = reviews.stream().map(Masteries.Reviewed::at).min(Comparator.naturalOrder()).orElseThrow();
		var end = now.plus(ahead);
		var step = Duration.between(first, end).toMillis() / Math.max(1, samples);
		var points = new ArrayList<Point>();
		for (var i = 0; i <= samples; i++) {
			var at = first.plusMillis(step * i);
			points.add(new Point(at, recallAt(rule, byCard.values(), at, false)));
		}
		var marks = reviews.stream()
			.sorted(Comparator.comparing(Masteries.Reviewed::at))
			.map(r -> new Mark(r.at(), recallAt(rule, byCard.values(), r.at(), true), r.correct()))
			.toList();
		return Optional.of(new RecallCurve(standing, points, marks, now));
	}

	/**
	 * Every learner's recall of every skill they have cards of in the organisation, weakest first: one scan of the
	 * organisation's cards; statuses as last stored (mastered or lapsed, else learning).
	 */
	@Transactional(readOnly = true)
	public List<TeamRecall> team(OrganisationId organisation, Instant now) {
		var curve = scheduling.fsrs(organisation, FsrsParameters.DEFAULT_RETENTION);
		var rule = new MasteryRule(curve, MasteryThresholds.DEFAULT);
		var weakest = new HashMap<UserId, Map<SkillId, Double>>();
		for (var memory : masteries.memories(organisation)) {
			var recall = rule.recall(memory.stability(), memory.lastReview(), now);
			weakest.computeIfAbsent(memory.userId(), u -> new HashMap<>()).merge(memory.skillId(), recall, Math::min);
		}
		var people = directory.people(organisation).stream()
			.collect(Collectors.toMap(Member::userId, Function.identity()));
		var names = skills.of(organisation).stream().collect(Collectors.toMap(Skill::id, Skill::name));
		var stored = masteries.stored(organisation);
		var rows = new ArrayList<TeamRecall>();
		weakest.forEach((user, bySkill) -> {
			var person = people.get(user);
			if (person == null) {
				return; // Left the organisation: their cards stay, but they are no longer on the team.
			}
			bySkill.forEach((skill, recall) -> {
				var status = stored.getOrDefault(user, Map.of()).getOrDefault(skill, MasteryStatus.LEARNING);
				rows.add(new TeamRecall(person.id(), person.name(), skill, names.getOrDefault(skill, "?"), recall,
						status));
			});
		});
		rows.sort(Comparator.comparingDouble(TeamRecall::recall).thenComparing(TeamRecall::member));
		return rows;
	}

	/** The organisation's mastery thresholds. */
	@Transactional(readOnly = true)
	public MasteryThresholds thresholds(OrganisationId organisation) {
		return masteries.thresholds(organisation);
	}

	/** Sets the organisation's mastery thresholds; stored statuses are decided with them from the next review on. */
	@Transactional
	public MasteryThresholds thresholds(OrganisationId organisation, MasteryThresholds thresholds) {
		masteries.thresholds(organisation, thresholds);
		return thresholds;
	}

	/** Checks the skills of these just-reviewed cards, in the caller's transaction. */
	void checkCards(Collection<UUID> cards, Instant at) {
		if (cards.isEmpty()) {
			return;
		}
		masteries.skillsOf(cards).forEach((learner, skills) -> check(learner, skills, at));
	}

	/**
	 * Decides the learner's status of these skills after a review, in the caller's transaction, and announces a change:
	 * their stored statuses locked, then their cards' reviews read, in two queries whatever the number of skills.
	 */
	void check(Learner learner, Collection<SkillId> skills, Instant at) {
		if (skills.isEmpty()) {
			return;
		}
		var stored = masteries.stored(learner, skills, true);
		var items = items(masteries.reviews(learner, skills));
		var rule = rule(learner.organisationId());
		for (var skill : skills) {
			var before = stored.get(skill);
			var judged = rule.judge(items.getOrDefault(skill, List.of()), wasMastered(before), at);
			var was = before == null ? MasteryStatus.LEARNING : before.status();
			if (judged.status() == MasteryStatus.MASTERED) {
				var weakest = judged.weakest();
				var saved = masteries.save(learner, skill, MasteryStatus.MASTERED, at, judged.lapsesAt(),
						weakest == null ? null : weakest.stability(), weakest == null ? null : weakest.lastReview(),
						before != null);
				if (saved && was != MasteryStatus.MASTERED) {
					events.publishEvent(new SkillMastered(learner.organisationId(), learner.userId(), skill, at,
							judged.recall()));
				}
			}
			else if (was == MasteryStatus.MASTERED) {
				masteries.save(learner, skill, MasteryStatus.LAPSED, at, null, null, null, true);
				events.publishEvent(new MasteryLost(learner.organisationId(), learner.userId(), skill, at,
						judged.recall()));
			}
		}
	}

	/**
	 * The nightly scan: marks lapsed every mastered skill whose weakest card's predicted recall fell below the
	 * threshold by {@code now}, and announces each, in transactions of {@value #SCAN_BATCH}. Set-based: it reads the
	 * stored mastery's lapsing time, not the cards. Safe to run on two nodes at once: rows are locked, and a row
	 * another scan marked first is no longer mastered. Returns how many lapsed.
	 */
	public int scanLapses(Instant now) {
		var total = 0;
		while (true) {
			Scanned done = transactions.execute(status -> {
				var lapsing = masteries.lapsing(now, SCAN_BATCH);
				if (lapsing.isEmpty()) {
					return new Scanned(0, 0);
				}
				var curves = new HashMap<OrganisationId, MasteryRule>();
				var changed = masteries.lapse(lapsing, now);
				for (var lapsed : changed) {
					var organisation = lapsed.learner().organisationId();
					var rule = curves.computeIfAbsent(organisation, o -> new MasteryRule(
							scheduling.fsrs(o, FsrsParameters.DEFAULT_RETENTION), MasteryThresholds.DEFAULT));
					events.publishEvent(new MasteryLost(organisation, lapsed.learner().userId(), lapsed.skillId(), now,
							rule.recall(lapsed.weakestStability(), lapsed.weakestReviewedAt(), now)));
				}
				return new Scanned(lapsing.size(), changed.size());
			});
			if (done == null) {
				return total;
			}
			total += done.lapsed();
			if (done.found() < SCAN_BATCH) {
				return total;
			}
		}
	}

	/** One transaction of the scan: the rows it found lapsing, and those it marked. */
	private record Scanned(int found, int lapsed) {
	}

	private MasteryRule rule(OrganisationId organisation) {
		// Recall depends on the weights only: any desired retention gives the same forgetting curve.
		return new MasteryRule(scheduling.fsrs(organisation, FsrsParameters.DEFAULT_RETENTION),
				masteries.thresholds(organisation));
	}

	private static boolean wasMastered(Masteries.@Nullable Stored stored) {
		return stored != null && stored.status() != MasteryStatus.LEARNING;
	}

	private static SkillStanding standing(Skill skill, MasteryRule.Standing judged) {
		return new SkillStanding(skill.id(), skill.name(), judged.status(), judged.recall(), judged.stability(),
				judged.items(), judged.lastReviewedAt());
	}

	/** The reviews as the rule's items, by skill. */
	private static Map<SkillId, List<MasteryRule.Item>> items(List<Masteries.Reviewed> reviews) {
		var bySkill = new LinkedHashMap<SkillId, Map<UUID, List<Masteries.Reviewed>>>();
		for (var review : reviews) {
			bySkill.computeIfAbsent(review.skillId(), s -> new LinkedHashMap<>())
				.computeIfAbsent(review.cardId(), c -> new ArrayList<>())
				.add(review);
		}
		var items = new HashMap<SkillId, List<MasteryRule.Item>>();
		bySkill.forEach((skill, cards) -> items.put(skill, cards.values().stream()
			.map(card -> new MasteryRule.Item(card.getFirst().cardStability(), card.getFirst().cardLastReview(),
					card.stream().map(r -> new MasteryRule.Answer(r.at(), r.correct())).toList()))
			.toList()));
		return items;
	}

	/**
	 * The skill's recall at a time: the weakest of its cards reviewed by then, each by the stability its latest review
	 * before that time left ({@code justBefore}: excluding a review at that very time).
	 */
	private static double recallAt(MasteryRule rule, Collection<List<Masteries.Reviewed>> cards, Instant at,
			boolean justBefore) {
		var weakest = Double.NaN;
		for (var card : cards) {
			Masteries.Reviewed latest = null;
			for (var review : card) {
				if (justBefore ? review.at().isBefore(at) : !review.at().isAfter(at)) {
					latest = review;
				}
			}
			if (latest != null) {
				var recall = rule.recall(latest.stabilityAfter(), latest.at(), at);
				weakest = Double.isNaN(weakest) ? recall : Math.min(weakest, recall);
			}
		}
		return Double.isNaN(weakest) ? 1 : weakest;
	}
}
