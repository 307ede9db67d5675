package io.morsel.shared;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure of the database being away (no connection within the wait, a connection lost, the server shutting
 * down) from one of a statement it refused. The first is nobody's mistake and passes once the database is back, so it
 * is answered 503 with {@code Retry-After} (docs/operations.md) and not retried item by item by a {@link Batcher}.
 */
public final class DatabaseOutage {

	private DatabaseOutage() {
	}

	/**
	 * Whether the failure, or any of its causes, is the database being out of reach: Spring's
	 * {@link DataAccessResourceFailureException} (a connection not had, or lost), the pool's timeout
	 * ({@link SQLTransientConnectionException}), or a driver's SQLSTATE of class 08 (connection exception) or 57P
	 * (PostgreSQL shutting down or starting), also behind a rollback that failed for the same reason.
	 */
	public static boolean explains(@Nullable Throwable failure) {
		for (var cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof SQLTransientConnectionException
					|| cause instanceof SQLNonTransientConnectionException) {
				return true;
			}
			// A rollback that failed on the lost connection hides the failure that caused it.
			if (cause instanceof TransactionSystemException rollback && rollback.getOriginalException() != null
					&& explains(rollback.getOriginalException())) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
				return true;
			}
		}
		return false;
	}
}
