package io.morsel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module graph of ARCHITECTURE.md holds: every module declares the modules it may use, those are arrows of the
 * map, and nothing uses more (no cycles, no module reaching into another's internals).
 */
class ModularityTests {

	/**
	 * The arrows of ARCHITECTURE.md ("may call the API of"): every module → identity, shared and web; web → identity
	 * only; the content modules → catalog; credentials, analytics and delivery → reinforcement → learning; delivery →
	 * learning directly too. Identity,
	 * which every module uses, uses only the shared kernel.
	 */
	private static final Map<String, Set<String>> ARROWS = Map.of(
			"identity", Set.of("shared"),
			"web", Set.of("identity", "shared"),
			"catalog", Set.of("identity", "shared", "web"),
			"authoring", Set.of("catalog", "identity", "shared", "web"),
			"learning", Set.of("catalog", "identity", "shared", "web"),
			"reinforcement", Set.of("learning", "catalog", "identity", "shared", "web"),
			"search", Set.of("catalog", "identity", "shared", "web"),
			// ARCHITECTURE.md: credentials → reinforcement → learning; credentials names its learners as learning does.
			"credentials", Set.of("reinforcement", "learning", "catalog", "identity", "shared", "web"),
			// Delivery asks learning's NextUps for the one item a delivery brings, the rule Today's "Next up" follows
			// too, and offers its triggered lessons to it (a NextUpSource): ADR 0028, delivery and the next-up rule.
			"delivery", Set.of("reinforcement", "learning", "catalog", "identity", "shared", "web"),
			"analytics", Set.of("reinforcement", "catalog", "identity", "shared", "web"));

	private final ApplicationModules modules = ApplicationModules.of(MorselApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	@Test
	void everyModuleDeclaresOnlyArrowsOfTheArchitecture() {
		modules.forEach(module -> {
			var name = module.getIdentifier().toString();
			if (name.equals("shared")) {
				return; // The shared kernel is open to every module and uses none (ADR 0002).
			}
			var declared = packageAnnotation(module.getBasePackage().getName());
			assertThat(declared).as("%s's package-info declares @ApplicationModule(allowedDependencies = ...)", name)
				.isNotNull();
			var allowed = Arrays.stream(declared.allowedDependencies()).map(d -> d.split(" :: ")[0]).toList();
			assertThat(allowed).as("%s declares the modules it may use", name)
				.doesNotContain(ApplicationModule.OPEN_TOKEN);
			assertThat(ARROWS).as("ARCHITECTURE.md has a row for %s", name).containsKey(name);
			assertThat(ARROWS.get(name)).as("the arrows of ARCHITECTURE.md from %s", name).containsAll(allowed);
		});
	}

	/**
	 * Packages of the tests alone (io.morsel.listening, a module listening to learning's events; io.morsel.support) are
	 * no modules of the application: Spring Modulith imports no test classes.
	 */
	@Test
	void modulesOfTheTestsAreNotTheApplications() {
		assertThat(modules.getModuleByName("listening")).isEmpty();
		assertThat(modules.getModuleByName("support")).isEmpty();
	}

	/**
	 * Regenerates the diagrams and canvases under docs/modules, which are committed with the code they describe. The
	 * documenter writes relations, beans and events in no fixed order, so a file is written only when its lines, taken
	 * in any order, differ from the committed ones, and a diagram's relations are sorted: running the tests leaves the
	 * checkout clean unless the modules changed.
	 */
	@Test
	void writesModuleDocumentation() throws IOException {
		var generated = Files.createTempDirectory("modules");
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder(generated.toString()))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
		var folder = Path.of("docs/modules");
		try (var files = Files.list(generated)) {
			for (var file : files.toList()) {
				var lines = Files.readAllLines(file);
				if (file.toString().endsWith(".puml")) {
					lines = relationsSorted(lines);
				}
				var committed = folder.resolve(file.getFileName().toString());
				if (!Files.exists(committed) || !sorted(Files.readAllLines(committed)).equals(sorted(lines))) {
					Files.write(committed, lines);
				}
				Files.delete(file);
			}
		}
		Files.delete(generated);
	}

	/** The lines in order, a table cell's first item ("|* ") like any other ("* "), as the documenter opens a list. */
	private static List<String> sorted(List<String> lines) {
		return lines.stream().map(line -> line.startsWith("|* ") ? line.substring(1) : line).sorted().toList();
	}

	private static ApplicationModule packageAnnotation(String name) {
		try {
			return Class.forName(name + ".package-info").getAnnotation(ApplicationModule.class);
		}
		catch (ClassNotFoundException e) {
			return null;
		}
	}

	/** The lines, with each run of {@code Rel(...)} lines in alphabetical order. */
	private static List<String> relationsSorted(List<String> lines) {
		var sorted = new ArrayList<String>(lines.size());
		var run = new ArrayList<String>();
		for (var line : lines) {
			if (line.startsWith("Rel(")) {
				run.add(line);
				continue;
			}
			run.sort(null);
			sorted.addAll(run);
			run.clear();
			sorted.add(line);
		}
		run.sort(null);
		sorted.addAll(run);
		return sorted;
	}
}
