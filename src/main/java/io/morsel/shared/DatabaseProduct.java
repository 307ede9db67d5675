package io.morsel.shared;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which database the node runs on, for the few statements that differ: PostgreSQL in service, H2 as the embedded
 * default. Asked of the first connection that needs it, once.
 */
@Component
public class DatabaseProduct {

	private final JdbcTemplate jdbc;
	private volatile @Nullable Boolean postgres;

	DatabaseProduct(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Whether it is PostgreSQL (else H2). */
	public boolean postgres() {
		var known = postgres;
		if (known == null) {
			known = jdbc.execute((ConnectionCallback<Boolean>) connection -> "PostgreSQL"
				.equals(connection.getMetaData().getDatabaseProductName()));
			postgres = known;
		}
		return known;
	}
}
