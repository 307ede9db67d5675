package io.morsel.credentials;

import io.morsel.identity.Directory;
import io.morsel.identity.OrganisationId;
import io.morsel.identity.UserId;
import io.morsel.learning.Learner;
import io.morsel.shared.InvalidValueException;
import io.morsel.shared.Timestamps;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A learner's public profile: off until they turn it on, at an address no one can guess (a random handle, made the
 * first time it is turned on and kept, so a link shared once keeps working while it is on), listing only the
 * credentials they chose to show and have not lost to revocation.
 */
@Service
public class Profiles {

	/** The learner's own view: whether the profile is on, its handle once it has one, and what each award shows. */
	public record Settings(boolean visible, @Nullable UUID handle, List<Shown> credentials) {
	}

	/** One of the learner's awards and whether it is on their profile. */
	public record Shown(Award award, boolean shown) {
	}

	/** A profile as anyone sees it. */
	public record PublicProfile(String name, String organisation, List<Award> credentials) {
	}

	private final JdbcClient jdbc;
	private final Awards awards;
	private final Directory directory;
	private final Clock clock;

	Profiles(JdbcClient jdbc, Awards awards, Directory directory, Clock clock) {
		this.jdbc = jdbc;
		this.awards = awards;
		this.directory = directory;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Settings of(Learner learner) {
		var profile = row(learner);
		var shown = shownIds(learner);
		return new Settings(profile.map(Row::visible).orElse(false), profile.map(Row::handle).orElse(null),
				awards.of(learner).stream().map(a -> new Shown(a, shown.contains(a.id()))).toList());
	}

	/**
	 * Turns the learner's profile on or off and sets which of their credentials it shows; a credential that is not
	 * theirs is refused.
	 */
	@Transactional
	public Settings change(Learner learner, boolean visible, Collection<UUID> shown) {
		var theirs = awards.of(learner).stream().map(Award::id).collect(Collectors.toSet());
		for (var id : shown) {
			if (!theirs.contains(id)) {
				throw new InvalidValueException("credentials.refused.credential-not-yours", id);
			}
		}
		var now = Timestamps.of(clock.instant());
		var updated = jdbc.sql("""
				UPDATE learner_profiles
				SET visible = :visible, updated_at = :now
				WHERE organisation_id = :organisation
				  AND user_id = :user
				""")
			.param("visible", visible)
			.param("now", now)
			.param("organisation", learner.organisationId().value())
			.param("user", learner.userId().value())
			.update();
		if (updated == 0) {
			jdbc.sql("""
					INSERT INTO learner_profiles (organisation_id, user_id, handle, visible, updated_at)
					VALUES (:organisation, :user, :handle, :visible, :now)
					""")
				.param("organisation", learner.organisationId().value())
				.param("user", learner.userId().value())
				.param("handle", UUID.randomUUID())
				.param("visible", visible)
				.param("now", now)
				.update();
		}
		for (var id : theirs) {
			jdbc.sql("UPDATE credential_awards SET shown_on_profile = :shown WHERE id = :id")
				.param("shown", shown.contains(id))
				.param("id", id)
				.update();
		}
		return of(learner);
	}

	/** The profile at this handle, while its learner has it on; otherwise none. */
	@Transactional(readOnly = true)
	public Optional<PublicProfile> publicly(UUID handle) {
		var owner = jdbc.sql("""
				SELECT organisation_id, user_id
				FROM learner_profiles
				WHERE handle = :handle
				  AND visible
				""")
			.param("handle", handle)
			.query((rs, n) -> new Learner(new OrganisationId(rs.getObject(1, UUID.class)),
					new UserId(rs.getObject(2, UUID.class))))
			.optional();
		if (owner.isEmpty()) {
			return Optional.empty();
		}
		var learner = owner.get();
		var person = directory.recipient(learner.organisationId(), learner.userId());
		var organisation = directory.profile(learner.organisationId());
		if (person.isEmpty() || organisation.isEmpty()) {
			return Optional.empty();
		}
		var shown = shownIds(learner);
		var credentials = awards.of(learner).stream()
			.filter(a -> shown.contains(a.id()) && a.status() != AwardStatus.REVOKED)
			.toList();
		return Optional.of(new PublicProfile(person.get().name(), organisation.get().name(), credentials));
	}

	private Optional<Row> row(Learner learner) {
		return jdbc.sql("""
				SELECT handle, visible
				FROM learner_profiles
				WHERE organisation_id = :organisation
				  AND user_id = :user
				""")
			.param("organisation", learner.organisationId().value())
			.param("user", learner.userId().value())
			.query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getBoolean(2)))
			.optional();
	}

	private Set<UUID> shownIds(Learner learner) {
		return Set.copyOf(jdbc.sql("""
				SELECT id
				FROM credential_awards
				WHERE organisation_id = :organisation
				  AND user_id = :user
				  AND shown_on_profile
				""")
			.param("organisation", learner.organisationId().value())
			.param("user", learner.userId().value())
			.query(UUID.class)
			.list());
	}

	private record Row(UUID handle, boolean visible) {
	}
}
