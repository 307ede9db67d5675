package io.morsel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module graph of ARCHITECTURE.md holds: no cycles, no module reaching into another's internals. */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(MorselApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
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

	/** Regenerates the diagrams under docs/modules, which are committed with the code they describe. */
	@Test
	void writesModuleDocumentation() {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
	}
}
