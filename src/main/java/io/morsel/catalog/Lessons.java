package io.morsel.catalog;

import io.morsel.shared.Caches;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Weigher;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.FrameOrigins;
import io.morsel.shared.InvalidValueException;
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
	private final Cache<VersionKey, CachedVersion> published;
	private final Cache<VersionKey, List<SkillId>> publishedSkills;
	private final ProgramOutlines outlines;
	private final Cache<OrganisationId, java.util.Map<LessonId, Integer>> significantVersions;

	private final FrameOrigins frameOrigins;

	private record VersionKey(LessonId lesson, int version) {
	}

	/**
	 * A published version as this node keeps it, with the bytes it is estimated to hold on the heap: the cache is
	 * bounded by their sum ({@code morsel.caches.published-lesson-versions=maximumWeight=...}), since a count of
	 * lessons says little about memory when one lesson holds 5 KB and another 1.5 MB.
	 */
	record CachedVersion(LessonVersion version, int bytes) {

		static final Weigher<Object, CachedVersion> WEIGHER = (key, cached) -> cached.bytes();

		/** Every version's own objects: its record, ids, instants, content record and lists, beside its text. */
		private static final int FIXED_BYTES = 1024;

		/**
		 * What a version parsed from this JSON holds, at most: its text as strings of 2 bytes a character (Java keeps a
		 * string of any non-Latin-1 character so), and the records, lists and string headers of its blocks and options,
		 * which the JSON's names and quotes around each value more than pay for; measured against the heap in
		 * LessonWeightTests (demo lessons hold 1.3 to 1.9 bytes a character of their JSON).
		 */
		static CachedVersion of(LessonVersion version, String content) {
			return new CachedVersion(version, (int) Math.min(Integer.MAX_VALUE, FIXED_BYTES + 5L * content.length() / 2));
		}
	}

	Lessons(JdbcClient jdbc, JsonMapper json, Skills skills, ApplicationEventPublisher events, Clock clock,
			Caches caches, ProgramOutlines outlines, FrameOrigins frameOrigins) {
		this.frameOrigins = frameOrigins;
		this.outlines = outlines;
		this.significantVersions = caches.named("significant-lesson-versions");
		this.published = caches.named("published-lesson-versions", CachedVersion.WEIGHER);
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
		if (state.published() != null) {
			// The new draft starts with the cover of the version it follows; the published one keeps its own.
			jdbc.sql("""
					INSERT INTO lesson_covers (lesson_id, version, image, media_type, changed_at)
					SELECT lesson_id, :next, image, media_type, changed_at
					FROM lesson_covers
					WHERE lesson_id = :id
					  AND version = :published
					""")
				.param("id", id.value())
				.param("next", next)
				.param("published", state.published())
				.update();
		}
		return insertVersion(author, id, next, content, now);
	}

	/** Publishes the draft as a minor version: learners who completed an earlier one are not told. */
	@Transactional
	public LessonVersion publish(CurrentMember author, LessonId id) {
		return publish(author, id, false);
	}

	/**
	 * Publishes the draft: from now on learners starting the lesson get this version. A significant version changes
	 * what the lesson teaches, so learners who completed an earlier one are offered it; a minor one bothers nobody.
	 * An unpublished lesson without a draft is published again as it was.
	 * @throws ConflictException when the lesson is archived (restore it first), or has nothing to publish
	 */
	@Transactional
	public LessonVersion publish(CurrentMember author, LessonId id, boolean significant) {
		var state = state(author.organisationId(), id, true);
		if (state.archived()) {
			throw new ConflictException("catalog.refused.lesson-archived-restore-before-publishing");
		}
		var now = clock.instant();
		if (state.draft() == null) {
			if (!state.unpublished() || state.published() == null) {
				throw new ConflictException("catalog.refused.lesson-has-no-draft-publish");
			}
			setLifecycle(id, "unpublished_at", null);
			return announced(author, id, state.published(), now);
		}
		jdbc.sql("""
				UPDATE lesson_versions
				SET published_at = :now, significant = :significant
				WHERE lesson_id = :id
				  AND version = :version
				""")
			.param("id", id.value())
			.param("version", state.draft())
			.param("now", Timestamps.of(now))
			.param("significant", significant)
			.update();
		jdbc.sql("""
				UPDATE lessons
				SET draft_version = NULL, published_version = :version, unpublished_at = NULL
				WHERE id = :id
				""")
			.param("id", id.value())
			.param("version", state.draft())
			.update();
		significantVersions.invalidate(author.organisationId());
		return announced(author, id, state.draft(), now);
	}

	/** Tells the other modules (search, first of all) that learners now get this version. */
	private LessonVersion announced(CurrentMember author, LessonId id, int number, Instant now) {
		outlines.changed(author.organisationId()); // A program's lesson shows this version's title and duration.
		var version = version(author.organisationId(), id, number).orElseThrow();
		events.publishEvent(new LessonPublished(author.organisationId(), id, version.version(),
				version.content().title(), skills.idsOf(author.organisationId(), version.content().skills()), now));
		return version;
	}

	/**
	 * Takes a published lesson down: learners who have not started it no longer find it; those who did keep their
	 * attempts and can finish them. Publishing it again brings it back.
	 * @throws ConflictException when it is not published
	 */
	@Transactional
	public LessonSummary unpublish(CurrentMember author, LessonId id) {
		var state = state(author.organisationId(), id, true);
		if (state.status() != ContentStatus.PUBLISHED) {
			throw new ConflictException("catalog.refused.only-published-lesson-can-unpublished", state.status().code());
		}
		return withdrawn(author, id, "unpublished_at", ContentStatus.UNPUBLISHED);
	}

	/**
	 * Puts a lesson away: gone from the catalog, search and the authors' working list; learners' attempts and reports
	 * keep it. Restoring brings it back as it was.
	 * @throws ConflictException when it is archived already
	 */
	@Transactional
	public LessonSummary archive(CurrentMember author, LessonId id) {
		var state = state(author.organisationId(), id, true);
		if (state.archived()) {
			throw new ConflictException("catalog.refused.lesson-archived-already");
		}
		return withdrawn(author, id, "archived_at", ContentStatus.ARCHIVED);
	}

	/**
	 * Brings an archived lesson back as it was before: published again if it was published, else unpublished or a
	 * draft.
	 * @throws ConflictException when it is not archived
	 */
	@Transactional
	public LessonSummary restore(CurrentMember author, LessonId id) {
		var state = state(author.organisationId(), id, true);
		if (!state.archived()) {
			throw new ConflictException("catalog.refused.only-archived-lesson-can-restored", state.status().code());
		}
		setLifecycle(id, "archived_at", null);
		if (state.published() != null && !state.unpublished()) {
			announced(author, id, state.published(), clock.instant());
		}
		return summary(author.organisationId(), id);
	}

	/**
	 * Deletes a lesson that was never published and is in no program: nothing of a learner's can name it. Any other
	 * is refused with what names it.
	 * @throws ContentInUse when it was published (learners' records may name it) or a program holds it
	 */
	@Transactional
	public void delete(CurrentMember author, LessonId id) {
		var state = state(author.organisationId(), id, true);
		var references = new java.util.ArrayList<String>();
		if (state.published() != null) {
			references.add("it was published, so learners' records may name it");
		}
		var programs = jdbc.sql("""
				SELECT p.title
				FROM program_lessons pl
				JOIN programs p ON p.id = pl.program_id
				WHERE pl.lesson_id = :id
				ORDER BY p.title
				""")
			.param("id", id.value())
			.query(String.class)
			.list();
		if (!programs.isEmpty()) {
			references.add("it is in the program" + (programs.size() > 1 ? "s " : " ") + String.join(", ", programs));
		}
		if (!references.isEmpty()) {
			throw new ContentInUse("catalog.refused.lesson-in-use", references);
		}
		for (var table : List.of("lesson_skills", "lesson_versions")) {
			jdbc.sql("DELETE FROM " + table + " WHERE lesson_id = :id").param("id", id.value()).update();
		}
		jdbc.sql("DELETE FROM lessons WHERE id = :id").param("id", id.value()).update();
	}

	private LessonSummary withdrawn(CurrentMember author, LessonId id, String column, ContentStatus status) {
		var now = clock.instant();
		setLifecycle(id, column, now);
		outlines.changed(author.organisationId());
		events.publishEvent(new LessonWithdrawn(author.organisationId(), id, status, now));
		return summary(author.organisationId(), id);
	}

	private void setLifecycle(LessonId id, String column, @Nullable Instant at) {
		jdbc.sql("UPDATE lessons SET " + column + " = :at WHERE id = :id")
			.param("id", id.value())
			.param("at", at == null ? null : Timestamps.of(at))
			.update();
	}

	/** One lesson as the authors' list shows it. */
	@Transactional(readOnly = true)
	public LessonSummary summary(OrganisationId organisation, LessonId id) {
		return summaries(organisation, false, List.of(id)).stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("not-found.lesson"));
	}

	/**
	 * For each lesson learners can take that has a significant version, its latest one: a learner whose completed
	 * attempt is on an earlier version is offered it. Kept on each node for seconds
	 * ({@code morsel.caches.significant-lesson-versions}); otherwise one query, without a transaction of its own.
	 */
	public java.util.Map<LessonId, Integer> significantVersions(OrganisationId organisation) {
		return significantVersions.get(organisation, o -> {
			var found = new java.util.HashMap<LessonId, Integer>();
			jdbc.sql("""
					SELECT v.lesson_id, MAX(v.version)
					FROM lesson_versions v
					JOIN lessons l ON l.id = v.lesson_id
					WHERE v.organisation_id = :organisation
					  AND v.significant
					  AND v.published_at IS NOT NULL
					  AND l.published_version IS NOT NULL
					  AND l.unpublished_at IS NULL
					  AND l.archived_at IS NULL
					GROUP BY v.lesson_id
					""")
				.param("organisation", o.value())
				.query(rs -> {
					found.put(new LessonId(rs.getObject(1, UUID.class)), rs.getInt(2));
				});
			return java.util.Map.copyOf(found);
		});
	}

	/**
	 * Writes a skill's new name into every version that names it (the old name, in any case, becomes the new one;
	 * named twice after a merge, once). This node forgets the versions it kept; another node shows the old label on a
	 * kept published version until it is evicted.
	 */
	void renameSkill(SkillId skill, String from, String to) {
		record Named(UUID lesson, int version, String content) {
		}
		var named = jdbc.sql("""
				SELECT v.lesson_id, v.version, v.content
				FROM lesson_versions v
				JOIN lesson_skills s ON s.lesson_id = v.lesson_id AND s.version = v.version
				WHERE s.skill_id = :skill
				""")
			.param("skill", skill.value())
			.query((rs, n) -> new Named(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3)))
			.list();
		for (var version : named) {
			var content = json.readValue(version.content(), LessonContent.class);
			var renamed = content.skills()
				.stream()
				.map(name -> name.equalsIgnoreCase(from) ? to : name)
				.filter(new java.util.HashSet<String>()::add)
				.toList();
			var changed = new LessonContent(content.title(), content.objective(), content.estimatedMinutes(), renamed,
					content.blocks(), content.why());
			jdbc.sql("""
					UPDATE lesson_versions
					SET content = :content
					WHERE lesson_id = :lesson
					  AND version = :version
					""")
				.param("content", json.writeValueAsString(changed))
				.param("lesson", version.lesson())
				.param("version", version.version())
				.update();
			var key = new VersionKey(new LessonId(version.lesson()), version.version());
			published.invalidate(key);
			publishedSkills.invalidate(key);
		}
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

	/**
	 * The lessons learners can take (published, neither unpublished nor archived) that teach any of these skills in their
	 * published version, by title.
	 */
	@Transactional(readOnly = true)
	public List<LessonSummary> publishedWithSkills(OrganisationId organisation, Collection<SkillId> skills) {
		if (skills.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT l.id, v.title, v.objective, v.estimated_minutes, l.draft_version, l.published_version, v.saved_at,
				       v.why
				FROM lessons l
				JOIN lesson_versions v ON v.lesson_id = l.id AND v.version = l.published_version
				WHERE l.organisation_id = :organisation
				  AND l.unpublished_at IS NULL
				  AND l.archived_at IS NULL
				  AND EXISTS (SELECT 1
				              FROM lesson_skills s
				              WHERE s.lesson_id = l.id
				                AND s.version = l.published_version
				                AND s.skill_id IN (:skills))
				ORDER BY v.title, l.id
				""")
			.param("organisation", organisation.value())
			.param("skills", skills.stream().map(SkillId::value).toList())
			.query((rs, n) -> new LessonSummary(new LessonId(rs.getObject(1, UUID.class)), rs.getString(2),
					rs.getString(3), rs.getInt(4), rs.getObject(5, Integer.class), rs.getObject(6, Integer.class),
					rs.getObject(7, OffsetDateTime.class).toInstant(), ContentStatus.PUBLISHED, rs.getString(8)))
			.list();
	}

	/**
	 * Whether a published version (any of them, as a learner's earlier attempt may play an older one) of one of these
	 * lessons shows this media file, in a block or a link of their text. Asked for a partner's media request, with
	 * the lessons they may see, so only those lessons' versions are read.
	 */
	@Transactional(readOnly = true)
	public boolean showMedia(OrganisationId organisation, Set<LessonId> among, UUID media) {
		if (among.isEmpty()) {
			return false;
		}
		return jdbc.sql("""
				SELECT 1
				FROM lesson_versions
				WHERE organisation_id = :organisation
				  AND lesson_id IN (:lessons)
				  AND published_at IS NOT NULL
				  AND content LIKE :media
				LIMIT 1
				""")
			.param("organisation", organisation.value())
			.param("lessons", among.stream().map(LessonId::value).toList())
			.param("media", "%" + media + "%")
			.query(Integer.class)
			.optional()
			.isPresent();
	}

	/** The version an author works on: the draft if there is one, else the published version. */
	@Transactional(readOnly = true)
	public Optional<LessonVersion> latest(OrganisationId organisation, LessonId id) {
		return stateOf(organisation, id).flatMap(s -> version(organisation, id, s.draft() != null ? s.draft() : s.published()));
	}

	/** The version a learner starting the lesson now gets: none once it is unpublished or archived. */
	@Transactional(readOnly = true)
	public Optional<LessonVersion> latestPublished(OrganisationId organisation, LessonId id) {
		return stateOf(organisation, id).filter(s -> s.status() == ContentStatus.PUBLISHED)
			.flatMap(s -> version(organisation, id, s.published()));
	}

	/**
	 * One version; published ones come from the cache after their first read. No transaction: it is one query at most,
	 * and a learner's every request reads a version from the cache, which needs no connection.
	 */
	public Optional<LessonVersion> version(OrganisationId organisation, LessonId id, int number) {
		var cached = published.getIfPresent(new VersionKey(id, number));
		if (cached != null) {
			return Optional.of(cached.version()).filter(v -> v.organisationId().equals(organisation));
		}
		// A published version's cover never changes (uploads go to the draft), so it is read and kept with it.
		var found = jdbc.sql("""
				SELECT v.lesson_id, v.version, v.organisation_id, v.content, v.saved_at, v.published_at,
				       c.changed_at AS cover_changed_at
				FROM lesson_versions v
				LEFT JOIN lesson_covers c ON c.lesson_id = v.lesson_id AND c.version = v.version
				WHERE v.lesson_id = :id
				  AND v.version = :version
				  AND v.organisation_id = :organisation
				""")
			.param("id", id.value())
			.param("version", number)
			.param("organisation", organisation.value())
			.query(this::mapVersion)
			.optional();
		found.filter(read -> read.version().published())
			.ifPresent(read -> published.put(new VersionKey(id, number), read));
		return found.map(CachedVersion::version);
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

	private record State(@Nullable Integer draft, @Nullable Integer published, boolean unpublished,
			boolean archived) {

		ContentStatus status() {
			return ContentStatus.of(published != null, unpublished, archived);
		}
	}

	private State state(OrganisationId organisation, LessonId id, boolean forUpdate) {
		return stateOf(organisation, id, forUpdate).orElseThrow(() -> new NotFoundException("not-found.lesson"));
	}

	private Optional<State> stateOf(OrganisationId organisation, LessonId id) {
		return stateOf(organisation, id, false);
	}

	/** The lesson's versions; {@code forUpdate} locks the row so two saves of one lesson run one after the other. */
	private Optional<State> stateOf(OrganisationId organisation, LessonId id, boolean forUpdate) {
		return jdbc.sql("""
				SELECT draft_version, published_version, unpublished_at, archived_at
				FROM lessons
				WHERE id = :id
				  AND organisation_id = :organisation
				""" + (forUpdate ? "FOR UPDATE" : ""))
			.param("id", id.value())
			.param("organisation", organisation.value())
			.query((rs, n) -> new State(rs.getObject(1, Integer.class), rs.getObject(2, Integer.class),
					rs.getObject(3) != null, rs.getObject(4) != null))
			.optional();
	}

	private LessonVersion insertVersion(CurrentMember author, LessonId id, int version, LessonContent content,
			Instant now) {
		checkVideoProviders(author.organisationId(), content);
		var skillIds = skills.idsOf(author.organisationId(), content.skills());
		jdbc.sql("""
				INSERT INTO lesson_versions (lesson_id, version, organisation_id, title, objective, estimated_minutes,
				                             why, content, saved_by, saved_at)
				VALUES (:id, :version, :organisation, :title, :objective, :minutes, :why, :content, :author, :now)
				""")
			.param("id", id.value())
			.param("version", version)
			.param("organisation", author.organisationId().value())
			.param("title", content.title())
			.param("objective", content.objective().text())
			.param("minutes", content.estimatedMinutes())
			.param("why", content.why())
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
		// The draft keeps the cover it had, or the one it started with: read back with it.
		return version(author.organisationId(), id, version).orElseThrow();
	}

	private List<LessonSummary> summaries(OrganisationId organisation, boolean publishedOnly,
			@Nullable Collection<LessonId> only) {
		// The title shown is the published version's for learners, the latest version's for authors. Learners get
		// only lessons neither unpublished nor archived.
		var shown = publishedOnly ? "l.published_version" : "COALESCE(l.draft_version, l.published_version)";
		var offered = publishedOnly ? "AND l.unpublished_at IS NULL AND l.archived_at IS NULL" : "";
		return jdbc.sql("""
				SELECT l.id, v.title, v.objective, v.estimated_minutes, l.draft_version, l.published_version, v.saved_at,
				       l.unpublished_at, l.archived_at, v.why
				FROM lessons l
				JOIN lesson_versions v ON v.lesson_id = l.id AND v.version = %s
				WHERE l.organisation_id = :organisation
				  %s
				  %s
				ORDER BY v.saved_at DESC, v.title
				""".formatted(shown, offered, only == null ? "" : "AND l.id IN (:only)"))
			.param("organisation", organisation.value())
			.param("only", only == null ? List.of() : only.stream().map(LessonId::value).toList())
			.query((rs, n) -> new LessonSummary(new LessonId(rs.getObject(1, UUID.class)), rs.getString(2),
					rs.getString(3), rs.getInt(4), rs.getObject(5, Integer.class), rs.getObject(6, Integer.class),
					rs.getObject(7, OffsetDateTime.class).toInstant(),
					ContentStatus.of(rs.getObject(6) != null, rs.getObject(8) != null, rs.getObject(9) != null),
					rs.getString(10)))
			.list();
	}

	private CachedVersion mapVersion(ResultSet rs, int row) throws SQLException {
		var publishedAt = rs.getObject("published_at", OffsetDateTime.class);
		var content = rs.getString("content");
		return CachedVersion.of(new LessonVersion(new LessonId(rs.getObject("lesson_id", UUID.class)),
				rs.getInt("version"), new OrganisationId(rs.getObject("organisation_id", UUID.class)),
				json.readValue(content, LessonContent.class), rs.getObject("saved_at", OffsetDateTime.class).toInstant(),
				publishedAt == null ? null : publishedAt.toInstant(),
				Covers.version(rs.getObject("cover_changed_at", OffsetDateTime.class))), content);
	}


	/** A video on a provider other than YouTube and Vimeo plays only where the organisation added that provider. */
	private void checkVideoProviders(OrganisationId organisation, LessonContent content) {
		for (var block : content.blocks()) {
			if (block instanceof Block.Video video && video.url() != null) {
				var hosted = HostedVideo.parse(video.url());
				if (!frameOrigins.allows(organisation, hosted.frameOrigin())) {
					throw new InvalidValueException("catalog.refused.videos-cannot-play-your-organisation-s",
							hosted.frameOrigin());
				}
			}
		}
	}
}
