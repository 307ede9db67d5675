package io.morsel.credentials;

import io.morsel.catalog.SkillId;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Role;
import io.morsel.learning.Learner;
import io.morsel.reinforcement.MasteryStatus;
import io.morsel.reinforcement.SkillMastery;
import io.morsel.shared.ConflictException;
import io.morsel.shared.InvalidValueException;
import io.morsel.shared.NotFoundException;
import io.morsel.shared.Timestamps;
import io.morsel.identity.OrganisationId;
import io.morsel.identity.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Revocation, suspension and reinstatement of awards, published through their status lists: by an admin of the
 * award's organisation, with a reason, and by the currency rule (docs/credentials.md, "Currency"): a credential Morsel
 * issued on measured mastery is suspended while that mastery has lapsed, and reinstated when it returns. Revocation is
 * for good.
 */
@Service
public class AwardStatuses {

	/** {@code suspended_by} for a suspension of the currency rule; an admin's is {@code admin}. */
	static final String CURRENCY = "currency";
	private static final String ADMIN = "admin";

	private final JdbcClient jdbc;
	private final Awards awards;
	private final Achievements achievements;
	private final SkillMastery mastery;
	private final StatusLists lists;
	private final ProgramResults programResults;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	AwardStatuses(JdbcClient jdbc, Awards awards, Achievements achievements, SkillMastery mastery, StatusLists lists,
			ProgramResults programResults, ApplicationEventPublisher events, Clock clock) {
		this.programResults = programResults;
		this.events = events;
		this.jdbc = jdbc;
		this.awards = awards;
		this.achievements = achievements;
		this.mastery = mastery;
		this.lists = lists;
		this.clock = clock;
	}

	/** An admin revokes an award of their organisation, for good, with a reason. */
	@Transactional
	public Award revoke(CurrentMember admin, UUID id, String reason) {
		var award = adminsAward(admin, id, reason, true);
		if (award.status() == AwardStatus.REVOKED) {
			throw new ConflictException("credentials.refused.credential-revoked-already");
		}
		publish(award, StatusPurpose.REVOCATION, true);
		jdbc.sql("""
				UPDATE credential_awards
				SET revoked_at = :now, revocation_reason = :reason, lapse_due_at = NULL
				WHERE id = :id
				""")
			.param("now", Timestamps.of(clock.instant()))
			.param("reason", reason.strip())
			.param("id", id)
			.update();
		return awards.publicly(id).orElseThrow();
	}

	/**
	 * An admin suspends an award of their organisation, with a reason. A suspension of the currency rule becomes the
	 * admin's: from then on only an admin reinstates it.
	 */
	@Transactional
	public Award suspend(CurrentMember admin, UUID id, String reason) {
		var award = adminsAward(admin, id, reason, true);
		if (award.status() == AwardStatus.REVOKED) {
			throw new ConflictException("credentials.refused.credential-revoked-cannot-suspended");
		}
		if (award.status() == AwardStatus.SUSPENDED && !award.lapsed()) {
			throw new ConflictException("credentials.refused.credential-suspended-already");
		}
		suspend(award, ADMIN, reason.strip());
		return awards.publicly(id).orElseThrow();
	}

	/**
	 * An admin reinstates a suspended award of their organisation. One the currency rule suspended is reinstated too;
	 * the rule suspends it again at the next lapse of its mastery.
	 */
	@Transactional
	public Award reinstate(CurrentMember admin, UUID id) {
		var award = adminsAward(admin, id, null, false);
		if (award.status() != AwardStatus.SUSPENDED) {
			throw new ConflictException(award.status() == AwardStatus.REVOKED
					? "credentials.refused.revoked-cannot-be-reinstated" : "credentials.refused.not-suspended");
		}
		reinstate(award);
		return awards.publicly(id).orElseThrow();
	}

	/**
	 * The currency rule, for one learner: a credential they earned by mastery is current while the rule of its
	 * achievement holds on their mastery now, counting as held only the achievements that are current themselves (an
	 * award by hand is current unless revoked or suspended by an admin). A current credential the rule had suspended
	 * is reinstated, and a pending suspension is called off. A credential no longer current gets its achievement's
	 * grace period: its holder is told ({@link CredentialGraceStarted}) and it is suspended when the period is over
	 * (at once with none), by the next {@link #keepCurrent(Learner, Instant)} after that time — the grace job's or a
	 * mastery event's. Revoked ones and admins' suspensions stay as they are. Reads the state, not the event that
	 * caused the call, so running it twice, or late, changes nothing more.
	 */
	@Transactional
	public void keepCurrent(Learner learner) {
		keepCurrent(learner, clock.instant());
	}

	/**
	 * The learners with a suspension due by {@code now}, for the grace job ({@link GraceExpiry}), which calls
	 * {@link #keepCurrent(Learner, Instant)} for each.
	 */
	@Transactional(readOnly = true)
	public List<Learner> withSuspensionsDue(Instant now, int limit) {
		return jdbc.sql("""
				SELECT DISTINCT organisation_id, user_id
				FROM credential_awards
				WHERE lapse_due_at <= :now
				  AND revoked_at IS NULL
				  AND suspended_at IS NULL
				FETCH FIRST :limit ROWS ONLY
				""")
			.param("now", Timestamps.of(now))
			.param("limit", limit)
			.query((rs, n) -> new Learner(new OrganisationId(rs.getObject(1, UUID.class)),
					new UserId(rs.getObject(2, UUID.class))))
			.list();
	}

	/** The currency rule as of {@code now}: see {@link #keepCurrent(Learner)}. */
	@Transactional
	public void keepCurrent(Learner learner, Instant now) {
		// The learner's awards are locked first, so that the grace job and a mastery event for the same learner
		// (on two nodes, say) take turns rather than act on what the other is changing.
		jdbc.sql("""
				SELECT id
				FROM credential_awards
				WHERE organisation_id = :organisation
				  AND user_id = :user
				FOR UPDATE
				""")
			.param("organisation", learner.organisationId().value())
			.param("user", learner.userId().value())
			.query(UUID.class)
			.list();
		var held = awards.of(learner);
		if (held.stream().allMatch(Award::byHand)) {
			return;
		}
		var mastered = mastery.of(learner, now).stream()
			.filter(s -> s.status() == MasteryStatus.MASTERED)
			.map(SkillMastery.SkillStanding::skillId)
			.collect(Collectors.toSet());
		var rules = achievements.of(learner.organisationId()).stream()
			.collect(Collectors.toMap(Achievement::id, Function.identity()));
		var names = achievements.skillNames(learner.organisationId());
		var completed = programResults.completed(learner);
		var current = new HashSet<AchievementId>();
		for (var award : held) {
			if (award.byHand() && award.status() != AwardStatus.REVOKED
					&& (award.status() == AwardStatus.ACTIVE || award.lapsed())) {
				current.add(award.achievementId());
			}
		}
		var changed = true;
		while (changed) {
			changed = false;
			for (var award : held) {
				var rule = rules.get(award.achievementId());
				if (!award.byHand() && !current.contains(award.achievementId()) && rule != null
						&& (award.status() == AwardStatus.ACTIVE || award.lapsed())
						&& rule.criteria().metBy(mastered, current, completed)) {
					current.add(award.achievementId());
					changed = true;
				}
			}
		}
		for (var award : held) {
			if (award.byHand() || award.status() == AwardStatus.REVOKED
					|| award.status() == AwardStatus.SUSPENDED && !award.lapsed()) {
				continue;
			}
			var isCurrent = current.contains(award.achievementId());
			if (isCurrent && award.lapsed()) {
				reinstate(award);
			}
			else if (isCurrent && award.lapseDueAt() != null) {
				callOffSuspension(award);
			}
			else if (!isCurrent && award.status() == AwardStatus.ACTIVE) {
				var rule = rules.get(award.achievementId());
				var reason = lapse(rule, mastered, current, completed, names, rules);
				var due = award.lapseDueAt();
				if (due == null) {
					due = now.plus(Duration.ofDays(rule == null ? 0 : rule.graceDays()));
					if (due.isAfter(now)) {
						startGrace(award, due, reason);
					}
				}
				if (!due.isAfter(now)) {
					suspend(award, CURRENCY, reason);
				}
			}
		}
	}

	/** Why the rule no longer holds: the skills no longer mastered and the achievements no longer current. */
	private static String lapse(@Nullable Achievement achievement, java.util.Set<SkillId> mastered,
			java.util.Set<AchievementId> current, Map<io.morsel.catalog.ProgramId, Double> completed,
			Map<SkillId, String> names, Map<AchievementId, Achievement> rules) {
		if (achievement == null) {
			return "Mastery lapsed";
		}
		var missing = new java.util.ArrayList<String>();
		for (var skill : achievement.criteria().skills()) {
			if (!mastered.contains(skill)) {
				missing.add(names.getOrDefault(skill, "a skill"));
			}
		}
		for (var required : achievement.criteria().achievements()) {
			if (!current.contains(required)) {
				var rule = rules.get(required);
				missing.add(rule == null ? "a required achievement" : rule.name() + " (not current)");
			}
		}
		if (!achievement.criteria().metBy(mastered, current, completed) && missing.isEmpty()) {
			missing.add("a program's mean score fell below " + achievement.criteria().minimumScore() + "%");
		}
		return "Mastery lapsed: " + String.join(", ", missing);
	}

	private Award adminsAward(CurrentMember admin, UUID id, @Nullable String reason, boolean needsReason) {
		if (!admin.has(Role.ADMIN)) {
			throw new AccessDeniedException("Only admins revoke, suspend and reinstate credentials");
		}
		if (needsReason && (reason == null || reason.isBlank() || reason.length() > 1000)) {
			throw new InvalidValueException("credentials.refused.reason-most-1000-characters-needed");
		}
		var award = awards.find(admin, id);
		if (lists.entriesOf(id).isEmpty()) {
			throw new ConflictException("credentials.refused.credential-was-issued-before-morsel-published");
		}
		return award;
	}

	private void suspend(Award award, String by, String reason) {
		publish(award, StatusPurpose.SUSPENSION, true);
		jdbc.sql("""
				UPDATE credential_awards
				SET suspended_at = :now, suspended_by = :by, suspension_reason = :reason, lapse_due_at = NULL
				WHERE id = :id
				""")
			.param("now", Timestamps.of(clock.instant()))
			.param("by", by)
			.param("reason", reason)
			.param("id", award.id())
			.update();
	}

	private void reinstate(Award award) {
		publish(award, StatusPurpose.SUSPENSION, false);
		jdbc.sql("""
				UPDATE credential_awards
				SET suspended_at = NULL, suspended_by = NULL, suspension_reason = NULL, lapse_due_at = NULL
				WHERE id = :id
				""")
			.param("id", award.id())
			.update();
	}

	private void startGrace(Award award, Instant due, String reason) {
		jdbc.sql("UPDATE credential_awards SET lapse_due_at = :due WHERE id = :id")
			.param("due", Timestamps.of(due))
			.param("id", award.id())
			.update();
		events.publishEvent(new CredentialGraceStarted(award.organisationId(), award.holder(), award.id(),
				award.achievementName(), reason, due));
	}

	private void callOffSuspension(Award award) {
		jdbc.sql("UPDATE credential_awards SET lapse_due_at = NULL WHERE id = :id")
			.param("id", award.id())
			.update();
	}

	/** Sets the award's bit; a credential issued before status lists has none, and its row alone records it. */
	private void publish(Award award, StatusPurpose purpose, boolean value) {
		lists.set(award.id(), purpose, value);
	}
}
