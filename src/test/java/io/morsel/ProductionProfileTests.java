package io.morsel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The production profile seeds nothing and will not start on a database that holds the public demo accounts. Which
 * of those beans a node has is chosen at each start by bean registrars (ADR 0022), so that the jar Spring's
 * ahead-of-time processing built for the embedded default still runs as {@code prod}.
 */
class ProductionProfileTests {

	private static final List<String> SEEDERS = List.of("demoOrganisations", "demoCatalog", "demoRecording",
			"demoAchievements");

	@Test
	void refusesToStartWhileDemoAccountsExist() {
		var seeded = TestInfrastructure.freshDatabase();
		try (var embedded = start(seeded, "default")) {
			assertThat(SEEDERS).allMatch(embedded::containsBean);
			assertThat(embedded.containsBean("demoAccountsGuard")).isFalse();
			assertThat(embedded.getBean(JdbcClient.class).sql("SELECT COUNT(*) FROM users WHERE demo").query(Long.class)
				.single()).isPositive();
		}

		assertThatThrownBy(() -> start(seeded, "prod").close()).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("demo accounts");
	}

	@Test
	void startsOnAFreshDatabaseAndSeedsNothing() {
		try (var production = start(TestInfrastructure.freshDatabase(), "prod")) {
			assertThat(SEEDERS).noneMatch(production::containsBean);
			assertThat(production.containsBean("demoAccountsGuard")).isTrue();
			assertThat(production.containsBean("organisationBootstrap")).isFalse();
			var jdbc = production.getBean(JdbcClient.class);
			assertThat(jdbc.sql("SELECT COUNT(*) FROM organisations").query(Long.class).single()).isZero();
			assertThat(jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single()).isZero();
		}
	}

	private static org.springframework.context.ConfigurableApplicationContext start(TestInfrastructure.Database db,
			String profile) {
		// Command-line arguments outrank the profile's properties, as the environment does in production.
		return new SpringApplicationBuilder(MorselApplication.class).profiles(profile).run("--server.port=0",
				"--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.username(),
				"--spring.datasource.password=" + db.password(), "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + TestInfrastructure.mail().getSmtp().getPort(),
				"--morsel.mail.outbox=target/outbox");
	}
}
