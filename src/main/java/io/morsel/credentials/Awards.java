package io.morsel.credentials;

import io.morsel.catalog.Program;
import io.morsel.catalog.Programs;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.identity.MemberId;
import io.morsel.identity.OrganisationId;
import io.morsel.identity.Role;
import io.morsel.identity.UserId;
import io.morsel.learning.Learner;
import io.morsel.reinforcement.MasteryStatus;
import io.morsel.reinforcement.SkillMastery;
import io.morsel.shared.ConflictException;
import io.morsel.shared.InvalidValueException;
import io.morsel.shared.NotFoundException;
import io.morsel.shared.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Awards achievements and issues their signed credentials: automatically when a learner's mastery meets an
 * achievement's rule (and, in turn, the rules stacked on it), or by hand by an admin with a reason. A learner holds an
 * achievement once; awarding it again does nothing, so a listener run twice issues nothing twice.
 */
@Service
public class Awards {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private final JdbcClient jdbc;
	private final Achievements achievements;
	private final SkillMastery mastery;
	private final Directory directory;
	private final IssuerKeys keys;
	private final StatusLists statusLists;
	private final ProgramResults programResults;
	private final Programs programs;
	private final PublicLinks links;
	private final OpenBadgeCredentials credentials;
	private final DataIntegrityProofs proofs;
	private final JsonMapper json;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	Awards(JdbcClient jdbc, Achievements achievements, SkillMastery mastery, Directory directory, IssuerKeys keys,
			StatusLists statusLists, ProgramResults programResults, Programs programs, PublicLinks links, JsonMapper json,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.achievements = achievements;
		this.mastery = mastery;
		this.directory = directory;
		this.keys = keys;
		this.statusLists = statusLists;
		this.programResults = programResults;
		this.programs = programs;
		this.links = links;
		this.credentials = new OpenBadgeCredentials(json, links);
		this.proofs = new DataIntegrityProofs(json);
		this.json = json;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Awards every achievement of the learner's organisation whose rule their mastery and completed programs now meet,
	 * stacked ones included, and returns the new awards.
	 */
	@Transactional
	public List<Award> awardEarned(Learner learner) {
		var now = clock.instant();
		var all = achievements.of(learner.organisationId());
		if (all.isEmpty()) {
			return List.of();
		}
		var standings = mastery.of(learner, now).stream()
			.filter(s -> s.status() == MasteryStatus.MASTERED)
			.collect(Collectors.toMap(SkillMastery.SkillStanding::skillId, Function.identity()));
		var awards = of(learner);
		var held = heldBy(awards);
		var current = awards.stream()
			.filter(a -> a.status() == AwardStatus.ACTIVE)
			.map(Award::achievementId)
			.collect(Collectors.toSet());
		var completed = programResults.completed(learner);
		var programNames = programs.all(learner.organisationId()).stream()
			.collect(Collectors.toMap(Program::id, Program::title));
		var issued = new ArrayList<Award>();
		for (var achievement : Stacking.earned(all, standings.keySet(), held.keySet(), current, completed)) {
			var evidence = new ArrayList<Evidence>();
			for (var skill : achievement.criteria().skills()) {
				evidence.add(masteryEvidence(standings.get(skill)));
			}
			for (var required : achievement.criteria().achievements()) {
				var name = all.stream().filter(a -> a.id().equals(required)).findFirst().map(Achievement::name)
					.orElse("?");
				var since = held.get(required);
				evidence.add(new Evidence("Holds " + name, "Holds the achievement " + name + ", awarded "
						+ DAY.format(since == null ? now : since) + "."));
			}
			for (var program : achievement.criteria().programs()) {
				var name = programNames.getOrDefault(program, "a program");
				evidence.add(new Evidence("Completed " + name, String.format(Locale.ENGLISH,
						"Completed every lesson of the program %s, with a mean score of %.0f%%%s.", name,
						completed.get(program) * 100, achievement.criteria().minimumScore() == null ? ""
								: " (at least " + achievement.criteria().minimumScore() + "% required)")));
			}
			issue(learner, achievement, evidence, null, null, now).ifPresent(award -> {
				issued.add(award);
				held.put(achievement.id(), now);
			});
		}
		return issued;
	}

	/** An admin awards an achievement to a member of their organisation by hand, with a reason; stacked ones follow. */
	@Transactional
	public Award awardByHand(CurrentMember admin, MemberId member, AchievementId achievementId, String reason) {
		if (!admin.has(Role.ADMIN)) {
			throw new AccessDeniedException("Only admins award achievements by hand");
		}
		if (reason == null || reason.isBlank() || reason.length() > 1000) {
			throw new InvalidValueException("credentials.refused.award-hand-needs-reason-most-1000");
		}
		var organisation = admin.organisationId();
		var person = directory.people(organisation).stream()
			.filter(p -> p.id().equals(member))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("not-found.member"));
		var achievement = achievements.find(organisation, achievementId)
			.orElseThrow(() -> new NotFoundException("not-found.achievement"));
		var learner = new Learner(organisation, person.userId());
		var award = issue(learner, achievement, List.of(new Evidence("Awarded by " + admin.name(), reason.strip())),
				admin.userId(), reason.strip(), clock.instant())
			.orElseThrow(() -> new ConflictException("credentials.refused.holds-already",
					person.name(), achievement.name()));
		awardEarned(learner);
		return award;
	}

	/** The learner's awards, newest first. */
	@Transactional(readOnly = true)
	public List<Award> of(Learner learner) {
		return jdbc.sql(SELECT + """
				WHERE w.organisation_id = :organisation
				  AND w.user_id = :user
				ORDER BY w.issued_at DESC
				""")
			.param("organisation", learner.organisationId().value())
			.param("user", learner.userId().value())
			.query(this::award)
			.list();
	}

	/** An award its holder or an admin of its organisation may read; for anyone else it is not found. */
	@Transactional(readOnly = true)
	public Award find(CurrentMember me, UUID id) {
		return byId(id)
			.filter(a -> a.organisationId().equals(me.organisationId()))
			.filter(a -> a.holder().equals(me.userId()) || me.has(Role.ADMIN))
			.orElseThrow(() -> new NotFoundException("not-found.credential"));
	}

	/**
	 * The award's credential in its VC-JOSE-COSE form (a compact JWS, {@code application/vc+jwt}), for whoever may read
	 * the award. A credential issued before that form existed is signed now, by the current key, and kept.
	 */
	@Transactional
	public String jwt(Award award) {
		var stored = jdbc.sql("SELECT jwt FROM credential_awards WHERE id = :id")
			.param("id", award.id())
			.query(String.class)
			.optional();
		if (stored.isPresent()) {
			return stored.get();
		}
		var unsecured = (tools.jackson.databind.node.ObjectNode) json.readTree(award.credential());
		unsecured.remove("proof");
		var slug = directory.profile(award.organisationId()).orElseThrow().slug();
		var key = keys.current(award.organisationId());
		var jwt = VcJwts.sign(json.writeValueAsString(unsecured), links.did(slug) + "#" + key.published().fragment(),
				key.privateKey());
		jdbc.sql("UPDATE credential_awards SET jwt = :jwt WHERE id = :id AND jwt IS NULL")
			.param("jwt", jwt)
			.param("id", award.id())
			.update();
		return jwt;
	}

	/** Any award, for its public page: a credential is meant to be shown to anyone its holder gives the link. */
	@Transactional(readOnly = true)
	public Optional<Award> publicly(UUID id) {
		return byId(id);
	}

	private Optional<Award> byId(UUID id) {
		return jdbc.sql(SELECT + "WHERE w.id = :id\n").param("id", id).query(this::award).optional();
	}

	private static final String SELECT = """
			SELECT w.id, w.organisation_id, w.user_id, w.achievement_id, a.name, w.issued_at, w.awarded_by, w.reason,
			       w.revoked_at, w.revocation_reason, w.suspended_at, w.suspended_by, w.suspension_reason, w.credential,
			       w.lapse_due_at
			FROM credential_awards w
			JOIN achievements a ON a.id = w.achievement_id
			""";

	private Award award(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		var revokedAt = Timestamps.read(rs, "revoked_at");
		var suspendedAt = Timestamps.read(rs, "suspended_at");
		var status = revokedAt != null ? AwardStatus.REVOKED
				: suspendedAt != null ? AwardStatus.SUSPENDED : AwardStatus.ACTIVE;
		return new Award(rs.getObject("id", UUID.class), new OrganisationId(rs.getObject("organisation_id", UUID.class)),
				new UserId(rs.getObject("user_id", UUID.class)), new AchievementId(rs.getObject("achievement_id",
						UUID.class)), rs.getString("name"), Timestamps.read(rs, "issued_at"), rs.getString("reason"),
				rs.getObject("awarded_by") != null, status,
				revokedAt != null ? rs.getString("revocation_reason") : rs.getString("suspension_reason"),
				revokedAt != null ? revokedAt : suspendedAt,
				revokedAt == null && AwardStatuses.CURRENCY.equals(rs.getString("suspended_by")),
				rs.getString("credential"), Timestamps.read(rs, "lapse_due_at"));
	}

	/**
	 * Signs and stores the credential; empty when the learner holds the achievement already. The award's row comes
	 * first: it settles, once, whether this is a new award, before positions in the status lists are drawn for it.
	 */
	private Optional<Award> issue(Learner learner, Achievement achievement, List<Evidence> evidence,
			@Nullable UserId awardedBy, @Nullable String reason, Instant now) {
		var organisation = directory.profile(learner.organisationId()).orElseThrow();
		var id = UUID.randomUUID();
		var inserted = jdbc.sql("""
				INSERT INTO credential_awards (id, organisation_id, user_id, achievement_id, issued_at, awarded_by, reason,
				                               credential)
				VALUES (:id, :organisation, :user, :achievement, :issuedAt, :awardedBy, :reason, '')
				ON CONFLICT DO NOTHING
				""")
			.param("id", id)
			.param("organisation", learner.organisationId().value())
			.param("user", learner.userId().value())
			.param("achievement", achievement.id().value())
			.param("issuedAt", Timestamps.of(now))
			.param("awardedBy", awardedBy == null ? null : awardedBy.value())
			.param("reason", reason)
			.update();
		if (inserted == 0) {
			return Optional.empty();
		}
		var statuses = statusLists.allocate(learner.organisationId(), id);
		var key = keys.current(learner.organisationId());
		var validUntil = achievement.validDays() == null ? null : now.plus(java.time.Duration.ofDays(achievement.validDays()));
		var unsigned = credentials.unsigned(id, organisation, achievement, learner.userId(), evidence, now, validUntil,
				statuses);
		var signed = proofs.sign(unsigned, links.did(organisation.slug()) + "#" + key.published().fragment(),
				key.privateKey(), now);
		var text = json.writeValueAsString(signed);
		var jwt = VcJwts.sign(json.writeValueAsString(unsigned), links.did(organisation.slug()) + "#"
				+ key.published().fragment(), key.privateKey());
		jdbc.sql("UPDATE credential_awards SET credential = :credential, jwt = :jwt WHERE id = :id")
			.param("credential", text)
			.param("jwt", jwt)
			.param("id", id)
			.update();
		events.publishEvent(new CredentialIssued(learner.organisationId(), learner.userId(), id, achievement.id(), now,
				awardedBy != null));
		return Optional.of(new Award(id, learner.organisationId(), learner.userId(), achievement.id(),
				achievement.name(), now, reason, awardedBy != null, AwardStatus.ACTIVE, null, null, false, text,
				null));
	}

	/** The achievements the learner was awarded, in any state, with when each was awarded. */
	private static Map<AchievementId, Instant> heldBy(List<Award> awards) {
		return awards.stream().collect(Collectors.toMap(Award::achievementId, Award::issuedAt,
				(a, b) -> a, java.util.HashMap::new));
	}

	private static Evidence masteryEvidence(SkillMastery.SkillStanding standing) {
		var narrative = String.format(Locale.ENGLISH,
				"Mastered as Morsel measures it (spaced reviews, FSRS): predicted recall %.0f%% on the weakest of %d "
						+ "item%s, memory stability %.1f days%s.",
				standing.recall() * 100, standing.items(), standing.items() == 1 ? "" : "s", standing.stability(),
				standing.lastReviewedAt() == null ? "" : ", last reviewed " + DAY.format(standing.lastReviewedAt()));
		return new Evidence("Mastery of " + standing.name(), narrative);
	}
}
