package io.morsel.identity.internal;

import io.morsel.identity.UserId;
import io.morsel.shared.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** People with an account. Emails are stored lower-case, so they match however they are typed. */
@Repository
public class Users {

	private final JdbcClient jdbc;

	Users(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** @param developerItems whether the person asked to see developer items (API tokens) in the navigation */
	public record User(UserId id, String email, String name, @Nullable String passwordHash, String timeZone,
			String language, boolean developerItems) {
	}

	public Optional<User> findByEmail(String email) {
		return jdbc.sql("""
				SELECT id, email, name, password_hash, time_zone, language, developer_items
				FROM users
				WHERE email = :email
				""")
			.param("email", normalise(email))
			.query(Users::map)
			.optional();
	}

	public Optional<User> findById(UserId id) {
		return jdbc.sql("""
				SELECT id, email, name, password_hash, time_zone, language, developer_items
				FROM users
				WHERE id = :id
				""")
			.param("id", id.value())
			.query(Users::map)
			.optional();
	}

	public User create(String email, String name, @Nullable String passwordHash, String timeZone, String language,
			boolean demo, Instant now) {
		var user = new User(UserId.random(), normalise(email), name, passwordHash, timeZone, language, false);
		jdbc.sql("""
				INSERT INTO users (id, email, name, password_hash, time_zone, language, demo, created_at)
				VALUES (:id, :email, :name, :hash, :zone, :language, :demo, :now)
				""")
			.param("id", user.id().value())
			.param("email", user.email())
			.param("name", name)
			.param("hash", passwordHash)
			.param("zone", timeZone)
			.param("language", language)
			.param("demo", demo)
			.param("now", Timestamps.of(now))
			.update();
		return user;
	}

	public void updateProfile(UserId id, String name, String timeZone, String language) {
		jdbc.sql("""
				UPDATE users
				SET name = :name, time_zone = :zone, language = :language
				WHERE id = :id
				""")
			.param("id", id.value())
			.param("name", name)
			.param("zone", timeZone)
			.param("language", language)
			.update();
	}

	public void showDeveloperItems(UserId id, boolean shown) {
		jdbc.sql("""
				UPDATE users
				SET developer_items = :shown
				WHERE id = :id
				""")
			.param("id", id.value())
			.param("shown", shown)
			.update();
	}

	public void updatePassword(UserId id, String passwordHash) {
		jdbc.sql("""
				UPDATE users
				SET password_hash = :hash
				WHERE id = :id
				""")
			.param("id", id.value())
			.param("hash", passwordHash)
			.update();
	}

	/** Replaces the password's hash if it still is {@code current}; false when it changed meanwhile. */
	public boolean replacePassword(UserId id, String current, String replacement) {
		return jdbc.sql("""
				UPDATE users
				SET password_hash = :replacement
				WHERE id = :id
				  AND password_hash = :current
				""")
			.param("id", id.value())
			.param("current", current)
			.param("replacement", replacement)
			.update() == 1;
	}

	public boolean anyDemoAccounts() {
		return jdbc.sql("""
				SELECT COUNT(*)
				FROM users
				WHERE demo = TRUE
				""")
			.query(Long.class)
			.single() > 0;
	}

	public static String normalise(String email) {
		return email.strip().toLowerCase(java.util.Locale.ROOT);
	}

	private static User map(ResultSet rs, int row) throws SQLException {
		return new User(new UserId(rs.getObject("id", UUID.class)), rs.getString("email"), rs.getString("name"),
				rs.getString("password_hash"), rs.getString("time_zone"), rs.getString("language"),
				rs.getBoolean("developer_items"));
	}
}
