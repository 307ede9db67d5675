package io.morsel.catalog;

import io.morsel.shared.Caches;
import com.github.benmanes.caffeine.cache.Cache;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.OrganisationId;
import io.morsel.shared.ConflictException;
import io.morsel.shared.NotFoundException;
import io.morsel.shared.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The organisation's lessons and their versions. Authors save drafts and publish them; a published version never
 * changes (editing opens a new draft), so published versions are cached on each node without invalidation.
 * Everything is scoped to one organisation: another organisation's lesson is not found.
 */
@Service
public class Lessons {

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final Skills skills;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final Cache<VersionKey, LessonVersion> published;
	private final Cache<VersionKey, List<SkillId>> publishedSkills;
	private final ProgramOutlines outlines;

	private record VersionKey(LessonId lesson, int version) {
	}

	Lessons(JdbcClient jdbc, JsonMapper json, Skills skills, ApplicationEventPublisher events, Clock clock,
			Caches caches, ProgramOutlines outlines) {
		this.outlines = outlines;
		this.published = caches.named("published-lesson-versions");
		this.publishedSkills = caches.named("published-lesson-skills");
		this.jdbc = jdbc;
		this.json = json;
		this.skills = skills;
		this.events = events;
		this.clock = clock;
	}

	/** Creates a lesson whose first version is a draft. */
	@Transactional
	public LessonVersion create(CurrentMember author, LessonContent content) {
		var id = LessonId.random();
		var now = clock.instant();
		jdbc.sql("""
				INSERT INTO lessons (id, organisation_id, created_by, created_at, draft_version)
				VALUES (:id, :organisation, :author, :now, 1)
				""")
			.param("id", id.value())
			.param("organisation", author.organisationId().value())
			.param("author", author.userId().value())
			.param("now", Timestamps.of(now))
			.update();
		return insertVersion(author, id, 1, content, now);
	}

	/** Saves the draft: replaces the open draft, or opens a new one after the published version. */
	@Transactional
	public LessonVersion saveDraft(CurrentMember author, LessonId id, LessonContent content) {
		var state = state(author.organisationId(), id, true);
		var now = clock.instant();
		if (state.draft() != null) {
			jdbc.sql("""
					DELETE FROM lesson_skills
					WHERE lesson_id = :id
					  AND version = :version
					""")
				.param("id", id.value())
				.param("version", state.draft())
				.update();
			jdbc.sql("""
					DELETE FROM lesson_versions
					WHERE lesson_id = :id
					  AND version = :version
					""")
				.param("id", id.value())
				.param("version", state.draft())
				.update();
			return insertVersion(author, id, state.draft(), content, now);
		}
		var next = state.published() == null ? 1 : state.published() + 1;
		jdbc.sql("""
				UPDATE lessons
				SET draft_version = :next
				WHERE id = :id
				""")
			.param("id", id.value())
			.param("next", next)
			.update();
		return insertVersion(author, id, next, content, now);
	}

	/** Publishes the draft: from now on learners starting the lesson get this version. */
	@Transactional
	public LessonVersion publish(CurrentMember author, LessonId id) {
		var state = state(author.organisationId(), id, true);
		if (state.draft() == null) {
			throw new ConflictException("The lesson has no draft to publish");
		}
		var now = clock.instant();
		jdbc.sql("""
				UPDATE lesson_versions
				SET published_at = :now
				WHERE lesson_id = :id
				  AND version = :version
				""")
			.param("id", id.value())
			.param("version", state.draft())
			.param("now", Timestamps.of(now))
			.update();
		jdbc.sql("""
				UPDATE lessons
				SET draft_version = NULL, published_version = :version
				WHERE id = :id
				""")
			.param("id", id.value())
			.param("version", state.draft())
			.update();
		outlines.changed(author.organisationId()); // A program's lesson shows this version's title and duration.
		var version = version(author.organisationId(), id, state.draft()).orElseThrow();
		events.publishEvent(new LessonPublished(author.organisationId(), id, version.version(),
				version.content().title(), skills.idsOf(author.organisationId(), version.content().skills()), now));
		return version;
	}

	/** Every lesson of the organisation, drafts included, most recently changed first: the authors' list. */
	@Transactional(readOnly = true)
	public List<LessonSummary> all(OrganisationId organisation) {
		return summaries(organisation, false, null);
	}

	/**
	 * The skills each of the organisation's lessons builds in its latest version (the draft, else the published one):
	 * what the authors' list filters by. Lessons that build none are left out.
	 */
	@Transactional(readOnly = true)
	public Map<LessonId, Set<SkillId>> latestSkills(OrganisationId organisation) {
		var skills = new HashMap<LessonId, Set<SkillId>>();
		jdbc.sql("""
				SELECT l.id, ls.skill_id
				FROM lessons l
				JOIN lesson_skills ls ON ls.lesson_id = l.id
				                     AND ls.version = COALESCE(l.draft_version, l.published_version)
				WHERE l.organisation_id = :organisation
				""")
			.param("organisation", organisation.value())
			.query((rs, n) -> skills.computeIfAbsent(new LessonId(rs.getObject(1, UUID.class)), k -> new HashSet<>())
				.add(new SkillId(rs.getObject(2, UUID.class))))
			.list();
		return skills;
	}

	/** The lessons learners can take: those with a published version. */
	@Transactional(readOnly = true)
	public List<LessonSummary> published(OrganisationId organisation) {
		return summaries(organisation, true, null);
	}

	/** Those of the given lessons that learners can take. One query, so no transaction of its own. */
	public List<LessonSummary> published(OrganisationId organisation, Collection<LessonId> lessons) {
		return lessons.isEmpty() ? List.of() : summaries(organisation, true, lessons);
	}

	/** The version an author works on: the draft if there is one, else the published version. */
	@Transactional(readOnly = true)
	public Optional<LessonVersion> latest(OrganisationId organisation, LessonId id) {
		return stateOf(organisation, id).flatMap(s -> version(organisation, id, s.draft() != null ? s.draft() : s.published()));
	}

	/** The version a learner starting the lesson now gets. */
	@Transactional(readOnly = true)
	public Optional<LessonVersion> latestPublished(OrganisationId organisation, LessonId id) {
		return stateOf(organisation, id).filter(s -> s.published() != null)
			.flatMap(s -> version(organisation, id, s.published()));
	}

	/**
	 * One version; published ones come from the cache after their first read. No transaction: it is one query at most,
	 * and a learner's every request reads a version from the cache, which needs no connection.
	 */
	public Optional<LessonVersion> version(OrganisationId organisation, LessonId id, int number) {
		var cached = published.getIfPresent(new VersionKey(id, number));
		if (cached != null) {
			return Optional.of(cached).filter(v -> v.organisationId().equals(organisation));
		}
		var found = jdbc.sql("""
				SELECT lesson_id, version, organisation_id, content, saved_at, published_at
				FROM lesson_versions
				WHERE lesson_id = :id
				  AND version = :version
				  AND organisation_id = :organisation
				""")
			.param("id", id.value())
			.param("version", number)
			.param("organisation", organisation.value())
			.query(this::mapVersion)
			.optional();
		found.filter(LessonVersion::published).ifPresent(v -> published.put(new VersionKey(id, number), v));
		return found;
	}

	/**
	 * The skills a version builds, as the organisation's skill ids; a published version's are cached with it. One
	 * query at most, without a transaction of its own.
	 */
	public List<SkillId> skillsOf(LessonVersion version) {
		if (version.published()) {
			return publishedSkills.get(new VersionKey(version.lessonId(), version.version()), key -> loadSkills(version));
		}
		return loadSkills(version);
	}

	private List<SkillId> loadSkills(LessonVersion version) {
		return jdbc.sql("""
				SELECT skill_id
				FROM lesson_skills
				WHERE lesson_id = :id
				  AND version = :version
				""")
			.param("id", version.lessonId().value())
			.param("version", version.version())
			.query(UUID.class)
			.list()
			.stream()
			.map(SkillId::new)
			.toList();
	}

	private record State(@Nullable Integer draft, @Nullable Integer published) {
	}

	private State state(OrganisationId organisation, LessonId id, boolean forUpdate) {
		return stateOf(organisation, id, forUpdate).orElseThrow(() -> new NotFoundException("Lesson"));
	}

	private Optional<State> stateOf(OrganisationId organisation, LessonId id) {
		return stateOf(organisation, id, false);
	}

	/** The lesson's versions; {@code forUpdate} locks the row so two saves of one lesson run one after the other. */
	private Optional<State> stateOf(OrganisationId organisation, LessonId id, boolean forUpdate) {
		return jdbc.sql("""
				SELECT draft_version, published_version
				FROM lessons
				WHERE id = :id
				  AND organisation_id = :organisation
				""" + (forUpdate ? "FOR UPDATE" : ""))
			.param("id", id.value())
			.param("organisation", organisation.value())
			.query((rs, n) -> new State(rs.getObject(1, Integer.class), rs.getObject(2, Integer.class)))
			.optional();
	}

	private LessonVersion insertVersion(CurrentMember author, LessonId id, int version, LessonContent content,
			Instant now) {
		var skillIds = skills.idsOf(author.organisationId(), content.skills());
		jdbc.sql("""
				INSERT INTO lesson_versions (lesson_id, version, organisation_id, title, objective, estimated_minutes,
				                             content, saved_by, saved_at)
				VALUES (:id, :version, :organisation, :title, :objective, :minutes, :content, :author, :now)
				""")
			.param("id", id.value())
			.param("version", version)
			.param("organisation", author.organisationId().value())
			.param("title", content.title())
			.param("objective", content.objective().text())
			.param("minutes", content.estimatedMinutes())
			.param("content", json.writeValueAsString(content))
			.param("author", author.userId().value())
			.param("now", Timestamps.of(now))
			.update();
		for (var skill : skillIds) {
			jdbc.sql("""
					INSERT INTO lesson_skills (lesson_id, version, skill_id)
					VALUES (:id, :version, :skill)
					""")
				.param("id", id.value())
				.param("version", version)
				.param("skill", skill.value())
				.update();
		}
		return new LessonVersion(id, version, author.organisationId(), content, now, null);
	}

	private List<LessonSummary> summaries(OrganisationId organisation, boolean publishedOnly,
			@Nullable Collection<LessonId> only) {
		// The title shown is the published version's for learners, the latest version's for authors.
		var shown = publishedOnly ? "l.published_version" : "COALESCE(l.draft_version, l.published_version)";
		return jdbc.sql("""
				SELECT l.id, v.title, v.objective, v.estimated_minutes, l.draft_version, l.published_version, v.saved_at
				FROM lessons l
				JOIN lesson_versions v ON v.lesson_id = l.id AND v.version = %s
				WHERE l.organisation_id = :organisation
				  %s
				ORDER BY v.saved_at DESC, v.title
				""".formatted(shown, only == null ? "" : "AND l.id IN (:only)"))
			.param("organisation", organisation.value())
			.param("only", only == null ? List.of() : only.stream().map(LessonId::value).toList())
			.query((rs, n) -> new LessonSummary(new LessonId(rs.getObject(1, UUID.class)), rs.getString(2),
					rs.getString(3), rs.getInt(4), rs.getObject(5, Integer.class), rs.getObject(6, Integer.class),
					rs.getObject(7, OffsetDateTime.class).toInstant()))
			.list();
	}

	private LessonVersion mapVersion(ResultSet rs, int row) throws SQLException {
		var publishedAt = rs.getObject("published_at", OffsetDateTime.class);
		return new LessonVersion(new LessonId(rs.getObject("lesson_id", UUID.class)), rs.getInt("version"),
				new OrganisationId(rs.getObject("organisation_id", UUID.class)),
				json.readValue(rs.getString("content"), LessonContent.class),
				rs.getObject("saved_at", OffsetDateTime.class).toInstant(),
				publishedAt == null ? null : publishedAt.toInstant());
	}

}
