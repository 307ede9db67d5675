package io.morsel;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The real servers the tests run against, started once per test JVM: a fresh PostgreSQL database on the local
 * server (dropped by a later run once it is a day old), or an in-memory H2 database in PostgreSQL mode when
 * {@code -Dmorsel.test.database=h2}; and an in-process SMTP server (GreenMail).
 *
 * <p>PostgreSQL is reached as {@code MORSEL_TEST_PG_URL} (default {@code jdbc:postgresql://localhost:5432/postgres}),
 * {@code MORSEL_TEST_PG_USER} (default {@code postgres}) and {@code MORSEL_TEST_PG_PASSWORD} (default
 * {@code postgres}); README says how to set a local server up, and {@code .ci/run} does it.
 */
public final class TestInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final String ADMIN_URL = env("MORSEL_TEST_PG_URL", "jdbc:postgresql://localhost:5432/postgres");
	private static final String USER = env("MORSEL_TEST_PG_USER", "postgres");
	private static final String PASSWORD = env("MORSEL_TEST_PG_PASSWORD", "postgres");

	private static Database database;
	private static GreenMail mail;

	/** Where the test database is and how to reach it. */
	public record Database(String url, String username, String password, boolean postgres) {
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		var db = database();
		var smtp = mail();
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("morsel-test-infrastructure",
					Map.of("spring.datasource.url", db.url(), "spring.datasource.username", db.username(),
							"spring.datasource.password", db.password(), "spring.mail.host", "127.0.0.1",
							"spring.mail.port", smtp.getSmtp().getPort())));
	}

	public static boolean onH2() {
		return "h2".equalsIgnoreCase(System.getProperty("morsel.test.database", "postgresql"));
	}

	public static synchronized Database database() {
		if (database == null) {
			database = onH2() ? h2() : postgres();
		}
		return database;
	}

	public static synchronized GreenMail mail() {
		if (mail == null) {
			mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
			mail.start();
		}
		return mail;
	}

	/** Another empty database on the same server, for a test that starts an application instance of its own. */
	public static Database freshDatabase() {
		return onH2() ? h2() : postgres();
	}

	private static Database h2() {
		var url = "jdbc:h2:mem:morsel-" + UUID.randomUUID()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
		return new Database(url, "sa", "", false);
	}

	/**
	 * Creates this run's database. Databases of earlier runs are dropped here rather than at exit, where the
	 * application contexts still hold connections: those older than a day are surely finished.
	 */
	private static Database postgres() {
		var name = "morsel_test_" + System.currentTimeMillis() + "_"
				+ UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		try (var connection = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
				var statement = connection.createStatement()) {
			var stale = new java.util.ArrayList<String>();
			try (var rs = statement.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'morsel_test_%'")) {
				while (rs.next()) {
					stale.add(rs.getString(1));
				}
			}
			var dayAgo = System.currentTimeMillis() - java.time.Duration.ofDays(1).toMillis();
			for (var old : stale) {
				var parts = old.split("_");
				if (parts.length == 4 && parts[2].chars().allMatch(Character::isDigit) && Long.parseLong(parts[2]) < dayAgo) {
					statement.execute("DROP DATABASE IF EXISTS " + old + " WITH (FORCE)");
				}
			}
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException e) {
			throw new IllegalStateException("""
					The tests need a PostgreSQL server at %s (user %s). Start one and give the user a password, \
					as README's "Running the tests" says, or point MORSEL_TEST_PG_URL, MORSEL_TEST_PG_USER and \
					MORSEL_TEST_PG_PASSWORD at yours.""".formatted(ADMIN_URL, USER), e);
		}
		var url = ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name;
		return new Database(url, USER, PASSWORD, true);
	}


	private static String env(String name, String fallback) {
		return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank()).orElse(fallback);
	}
}
