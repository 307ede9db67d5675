package io.morsel;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Profile;

/**
 * A node runs the context Spring's ahead-of-time processing generated when the jar was built (ADR 0022), so a bean
 * chosen by a profile or a condition would be chosen once, for every node, with the build's settings. Morsel's beans
 * choose themselves at each start instead (a bean registrar, or a check at start).
 */
class AheadOfTimeTests {

	private static final List<Class<? extends java.lang.annotation.Annotation>> SETTLED_AT_BUILD = List.of(
			Profile.class, Conditional.class, ConditionalOnProperty.class, ConditionalOnExpression.class,
			ConditionalOnBean.class, ConditionalOnMissingBean.class);

	@Test
	void noBeanOfMorselsIsChosenByAProfileOrACondition() {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("io.morsel");
		for (var annotation : SETTLED_AT_BUILD) {
			var because = "Spring's AOT processing settles @" + annotation.getSimpleName()
					+ " when the jar is built; register the bean at start (ADR 0022)";
			noClasses().should().beAnnotatedWith(annotation).because(because).check(classes);
			noMethods().should().beAnnotatedWith(annotation).because(because).allowEmptyShould(true).check(classes);
		}
	}
}
