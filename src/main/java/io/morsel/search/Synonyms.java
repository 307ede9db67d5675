package io.morsel.search;

import io.morsel.identity.OrganisationId;
import io.morsel.shared.InvalidValueException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each organisation's synonyms: groups of words and phrases that mean the same in its lessons ("sso, single sign-on").
 * A query with one of them also finds the others. They apply at query time, so a change applies to the next search on
 * every node, with no rebuild.
 */
@Service
public class Synonyms {

	public static final int MAX_GROUPS = 200;
	public static final int MAX_GROUP_LENGTH = 500;

	private final JdbcClient jdbc;

	Synonyms(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The groups as the administrator wrote them, each its words and phrases separated by commas. */
	public List<String> of(OrganisationId organisation) {
		return jdbc.sql("""
				SELECT words
				FROM search_synonyms
				WHERE organisation_id = :organisation
				ORDER BY position
				""")
			.param("organisation", organisation.value())
			.query(String.class)
			.list();
	}

	/**
	 * Replaces the organisation's groups.
	 * @throws InvalidValueException when there are too many, one is too long, or one has fewer than two entries
	 */
	@Transactional
	public List<String> replace(OrganisationId organisation, List<String> groups) {
		if (groups.size() > MAX_GROUPS) {
			throw new InvalidValueException("search.refused.most-synonym-groups", MAX_GROUPS);
		}
		var cleaned = new ArrayList<String>();
		for (var group : groups) {
			var entries = entries(group == null ? "" : group);
			if (entries.size() < 2 || group.length() > MAX_GROUP_LENGTH) {
				throw new InvalidValueException("search.refused.synonym-group-two-more-words-phrases",
						MAX_GROUP_LENGTH);
			}
			cleaned.add(String.join(", ", entries));
		}
		jdbc.sql("""
				DELETE FROM search_synonyms
				WHERE organisation_id = :organisation
				""").param("organisation", organisation.value()).update();
		for (int i = 0; i < cleaned.size(); i++) {
			jdbc.sql("""
					INSERT INTO search_synonyms (organisation_id, position, words)
					VALUES (:organisation, :position, :words)
					""")
				.param("organisation", organisation.value())
				.param("position", i)
				.param("words", cleaned.get(i))
				.update();
		}
		return List.copyOf(cleaned);
	}

	static List<String> entries(String group) {
		return Arrays.stream(group.split(",")).map(String::strip).filter(e -> !e.isEmpty()).distinct().toList();
	}
}
