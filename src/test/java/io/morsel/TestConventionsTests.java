package io.morsel;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;

/** Rules for the tests themselves, where breaking one makes other tests fail by the order they happen to run in. */
class TestConventionsTests {

	@Test
	void mockMvcFormsUseMorselsCsrfTokens() {
		var tests = new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
			.importPackages("io.morsel");
		noClasses().should()
			.callMethod(SecurityMockMvcRequestPostProcessors.class, "csrf")
			.because("it replaces the CSRF repository of the shared context for every later request; "
					+ "use io.morsel.support.Csrf.csrf()")
			.check(tests);
	}

	@Test
	void testsOutsideIdentitySignInThroughItsTestApi() {
		var tests = new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
			.importPackages("io.morsel");
		noClasses().that()
			.resideOutsideOfPackage("io.morsel.identity..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.morsel.identity.security..", "io.morsel.identity.internal..")
			.because("a test signs a member in with io.morsel.identity.SignedIn, like every other test, and does not "
					+ "depend on how identity keeps sessions")
			.check(tests);
	}
}
