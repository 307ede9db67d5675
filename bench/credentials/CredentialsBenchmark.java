// In Morsel's package, beside the classes it times: signing, verifying and the criteria rule are package-private.
package io.morsel.credentials;

import io.morsel.catalog.ProgramId;
import io.morsel.catalog.SkillId;
import io.morsel.identity.OrganisationId;
import io.morsel.identity.OrganisationProfile;
import io.morsel.identity.UserId;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Signing and verifying one Open Badges 3.0 credential with its eddsa-rdfc-2022 Data Integrity proof, RDF
 * canonicalisation (Titanium, bundled contexts) included, as issuing and {@code POST /api/v1/credentials/verify} do it
 * minus the database (status lists, keys); and evaluating every achievement's rule for {@code learners} learners after
 * a catalog change, in memory (the mastered skills, held achievements and completed programs already read), as
 * {@link Stacking} does it per learner.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CredentialsBenchmark {

	@Param("100000")
	int learners;

	JsonMapper json;
	DataIntegrityProofs proofs;
	KeyPair key;
	ObjectNode unsigned;
	ObjectNode unsecured;
	ObjectNode proof;
	List<Achievement> catalog;
	List<Set<SkillId>> mastered;
	List<Set<AchievementId>> held;

	@Setup
	public void setUp() {
		json = JsonMapper.builder().build();
		proofs = new DataIntegrityProofs(json);
		key = Ed25519.generate();
		var organisation = new OrganisationId(UUID.randomUUID());
		var achievement = new Achievement(AchievementId.random(), organisation, "Negotiator", "Negotiates contracts",
				new Criteria("Masters negotiation", List.of(SkillId.random(), SkillId.random()), List.of()),
				List.of(new Alignment("ESCO negotiate", "https://esco.ec.europa.eu/en/skill/1", "S1.2")), null, 365,
				Instant.now());
		unsigned = new OpenBadgeCredentials(json, new PublicLinks("https://morsel.example")).unsigned(
				UUID.randomUUID(), new OrganisationProfile(organisation, "acme", "Acme Analytics"), achievement,
				new UserId(UUID.randomUUID()), List.of(new Evidence("Mastery of negotiation", "Predicted recall 93%")),
				Instant.now(), null, List.of(new StatusLists.Entry(StatusPurpose.REVOCATION, UUID.randomUUID(), 94_567),
						new StatusLists.Entry(StatusPurpose.SUSPENSION, UUID.randomUUID(), 12_345)));
		var signed = sign();
		unsecured = signed.deepCopy();
		proof = (ObjectNode) unsecured.remove("proof");
		if (!verify()) {
			throw new IllegalStateException("The benchmark's own credential does not verify");
		}
		catalogOf(organisation, new Random(13));
	}

	/**
	 * A catalog of 40 skills and 30 achievements — 20 of one to three skills, 10 stacked on two to four of those —
	 * and learners who each mastered a seeded random fifth to four fifths of the skills and hold what that earned.
	 */
	private void catalogOf(OrganisationId organisation, Random random) {
		var skills = new ArrayList<SkillId>();
		for (var i = 0; i < 40; i++) {
			skills.add(SkillId.random());
		}
		catalog = new ArrayList<>();
		for (var i = 0; i < 20; i++) {
			var needs = new HashSet<SkillId>();
			for (var n = 1 + random.nextInt(3); needs.size() < n;) {
				needs.add(skills.get(random.nextInt(skills.size())));
			}
			catalog.add(achievement(organisation, "Skill " + i, List.copyOf(needs), List.of()));
		}
		for (var i = 0; i < 10; i++) {
			var parts = new HashSet<AchievementId>();
			for (var n = 2 + random.nextInt(3); parts.size() < n;) {
				parts.add(catalog.get(random.nextInt(20)).id());
			}
			catalog.add(achievement(organisation, "Stacked " + i, List.of(), List.copyOf(parts)));
		}
		mastered = new ArrayList<>(learners);
		held = new ArrayList<>(learners);
		for (var l = 0; l < learners; l++) {
			var theirs = new HashSet<SkillId>();
			var share = 0.2 + random.nextDouble() * 0.6;
			for (var skill : skills) {
				if (random.nextDouble() < share) {
					theirs.add(skill);
				}
			}
			mastered.add(theirs);
			var earned = new HashSet<AchievementId>();
			Stacking.earned(catalog, theirs, Set.of(), Set.of(), Map.of()).forEach(a -> earned.add(a.id()));
			held.add(earned);
		}
		// The catalog change: a new achievement stacked on three existing ones, which some learners now earn.
		catalog.add(achievement(organisation, "New stack", List.of(skills.getFirst()),
				List.of(catalog.get(0).id(), catalog.get(1).id(), catalog.get(2).id())));
	}

	private static Achievement achievement(OrganisationId organisation, String name, List<SkillId> skills,
			List<AchievementId> required) {
		return new Achievement(AchievementId.random(), organisation, name, "About " + name,
				new Criteria("Shows " + name, skills, required, List.<ProgramId>of(), null), List.of(), null, null,
				Instant.now());
	}

	@Benchmark
	@BenchmarkMode(Mode.Throughput)
	public ObjectNode sign() {
		return proofs.sign(unsigned, "did:web:morsel.example:credentials:issuers:acme#key-1", key.getPrivate(),
				Instant.now());
	}

	@Benchmark
	@BenchmarkMode(Mode.Throughput)
	public boolean verify() {
		return proofs.verify(unsecured, proof, key.getPublic());
	}

	/** Every learner's new awards after the catalog change; one operation is all {@code learners} learners. */
	@Benchmark
	@BenchmarkMode(Mode.SingleShotTime)
	@OutputTimeUnit(TimeUnit.MILLISECONDS)
	public int evaluateCriteriaForAllLearners() {
		var awarded = 0;
		for (var l = 0; l < learners; l++) {
			awarded += Stacking.earned(catalog, mastered.get(l), held.get(l), held.get(l), Map.of()).size();
		}
		return awarded;
	}
}
