package io.morsel.credentials;

import io.morsel.identity.Directory;
import io.morsel.identity.OrganisationId;
import io.morsel.shared.Timestamps;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Each organisation's status lists (W3C Bitstring Status List v1.0): a position in a revocation list and one in a
 * suspension list for every credential issued, drawn at random; the bits the admins and the currency rule set; and
 * the signed status list credentials anyone fetches at {@code /credentials/status/{id}}. A list is re-signed whenever
 * one of its bits changes, so what is published is always what is stored.
 */
@Service
public class StatusLists {

	/** Bits per list: the specification's minimum, which already hides one credential among 131,072. */
	static final int SIZE = Bitstring.MINIMUM_BITS;
	/** A list takes positions until half are allocated: a random draw then finds a free one in two tries on average. */
	static final int OPEN_UNTIL = SIZE / 2;
	/** How long a verifier may keep a published list before fetching it again (the list's {@code ttl}), in ms. */
	static final long TTL_MILLIS = 300_000;

	/** A credential's place in a status list, as its {@code credentialStatus} entry names it. */
	record Entry(StatusPurpose purpose, UUID listId, int position) {
	}

	private final JdbcClient jdbc;
	private final IssuerKeys keys;
	private final Directory directory;
	private final PublicLinks links;
	private final DataIntegrityProofs proofs;
	private final JsonMapper json;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();

	StatusLists(JdbcClient jdbc, IssuerKeys keys, Directory directory, PublicLinks links, JsonMapper json,
			Clock clock) {
		this.jdbc = jdbc;
		this.keys = keys;
		this.directory = directory;
		this.links = links;
		this.proofs = new DataIntegrityProofs(json);
		this.json = json;
		this.clock = clock;
	}

	/** Allocates the award a random free position in an open list of each purpose, in the caller's transaction. */
	List<Entry> allocate(OrganisationId organisation, UUID award) {
		var entries = new ArrayList<Entry>();
		for (var purpose : StatusPurpose.values()) {
			var list = openList(organisation, purpose);
			while (true) {
				var position = random.nextInt(SIZE);
				var taken = jdbc.sql("""
						INSERT INTO credential_statuses (award_id, purpose, list_id, position)
						VALUES (:award, :purpose, :list, :position)
						ON CONFLICT DO NOTHING
						""")
					.param("award", award)
					.param("purpose", purpose.word())
					.param("list", list)
					.param("position", position)
					.update();
				if (taken == 1) {
					entries.add(new Entry(purpose, list, position));
					break;
				}
			}
		}
		return entries;
	}

	/** The award's entries; empty for a credential issued before Morsel kept status lists. */
	List<Entry> entriesOf(UUID award) {
		return jdbc.sql("""
				SELECT purpose, list_id, position
				FROM credential_statuses
				WHERE award_id = :award
				ORDER BY purpose
				""")
			.param("award", award)
			.query((rs, n) -> new Entry(StatusPurpose.of(rs.getString("purpose")), rs.getObject("list_id", UUID.class),
					rs.getInt("position")))
			.list();
	}

	/**
	 * Sets or clears the award's bit of this purpose and publishes the list again, in the caller's transaction; false
	 * when the award has no entry of it. The list's row is locked, so two changes to one list never lose each other.
	 */
	boolean set(UUID award, StatusPurpose purpose, boolean value) {
		var entry = entriesOf(award).stream().filter(e -> e.purpose() == purpose).findFirst();
		if (entry.isEmpty()) {
			return false;
		}
		var list = jdbc.sql("""
				SELECT organisation_id, bits
				FROM status_lists
				WHERE id = :id
				FOR UPDATE
				""")
			.param("id", entry.get().listId())
			.query((rs, n) -> Map.entry(new OrganisationId(rs.getObject("organisation_id", UUID.class)),
					rs.getBytes("bits")))
			.single();
		var bits = Bitstring.with(list.getValue(), entry.get().position(), value);
		var now = clock.instant();
		jdbc.sql("""
				UPDATE status_lists
				SET bits = :bits, credential = :credential, updated_at = :now
				WHERE id = :id
				""")
			.param("bits", bits)
			.param("credential", signed(list.getKey(), entry.get().listId(), purpose, bits, now))
			.param("now", Timestamps.of(now))
			.param("id", entry.get().listId())
			.update();
		return true;
	}

	/** The signed status list credential as published; empty for an unknown list. */
	@Transactional(readOnly = true)
	public Optional<String> credential(UUID list) {
		return jdbc.sql("SELECT credential FROM status_lists WHERE id = :id")
			.param("id", list)
			.query(String.class)
			.optional();
	}

	/**
	 * Whether the bit at this position of one of Morsel's lists is set, read from the stored list; empty when no list
	 * has this id and purpose or the position is outside it.
	 */
	@Transactional(readOnly = true)
	public Optional<Boolean> isSet(UUID list, StatusPurpose purpose, int position) {
		return jdbc.sql("SELECT bits FROM status_lists WHERE id = :id AND purpose = :purpose")
			.param("id", list)
			.param("purpose", purpose.word())
			.query((rs, n) -> rs.getBytes("bits"))
			.optional()
			.filter(bits -> position >= 0 && position < bits.length * 8)
			.map(bits -> Bitstring.get(bits, position));
	}

	/** The organisation's open list of this purpose, its allocation counted; a new list when none is open. */
	private UUID openList(OrganisationId organisation, StatusPurpose purpose) {
		var open = jdbc.sql("""
				SELECT id
				FROM status_lists
				WHERE organisation_id = :organisation
				  AND purpose = :purpose
				  AND allocated < :openUntil
				ORDER BY created_at
				""")
			.param("organisation", organisation.value())
			.param("purpose", purpose.word())
			.param("openUntil", OPEN_UNTIL)
			.query(UUID.class)
			.list();
		for (var list : open) {
			// The condition again in the update: another issuance may have filled the list since the read.
			var counted = jdbc.sql("""
					UPDATE status_lists
					SET allocated = allocated + 1
					WHERE id = :id
					  AND allocated < :openUntil
					""")
				.param("id", list)
				.param("openUntil", OPEN_UNTIL)
				.update();
			if (counted == 1) {
				return list;
			}
		}
		var id = UUID.randomUUID();
		var bits = Bitstring.empty(SIZE);
		var now = clock.instant();
		jdbc.sql("""
				INSERT INTO status_lists (id, organisation_id, purpose, size, allocated, bits, credential, created_at,
				                          updated_at)
				VALUES (:id, :organisation, :purpose, :size, 1, :bits, :credential, :now, :now)
				""")
			.param("id", id)
			.param("organisation", organisation.value())
			.param("purpose", purpose.word())
			.param("size", SIZE)
			.param("bits", bits)
			.param("credential", signed(organisation, id, purpose, bits, now))
			.param("now", Timestamps.of(now))
			.update();
		return id;
	}

	/** The list as a BitstringStatusListCredential signed by the organisation's current key. */
	private String signed(OrganisationId organisation, UUID list, StatusPurpose purpose, byte[] bits, Instant now) {
		var slug = directory.profile(organisation).orElseThrow().slug();
		var address = links.statusList(list);
		var credential = json.createObjectNode();
		credential.set("@context", json.valueToTree(List.of(BundledContexts.CREDENTIALS_V2)));
		credential.put("id", address);
		credential.set("type", json.valueToTree(List.of("VerifiableCredential", "BitstringStatusListCredential")));
		credential.put("issuer", links.did(slug));
		credential.put("validFrom", now.truncatedTo(ChronoUnit.SECONDS).toString());
		ObjectNode subject = credential.putObject("credentialSubject");
		subject.put("id", address + "#list");
		subject.put("type", "BitstringStatusList");
		subject.put("statusPurpose", purpose.word());
		subject.put("encodedList", Bitstring.encode(bits));
		subject.put("ttl", TTL_MILLIS);
		var key = keys.current(organisation);
		return json.writeValueAsString(proofs.sign(credential, links.did(slug) + "#" + key.published().fragment(),
				key.privateKey(), now));
	}
}
