package io.morsel.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

class DatabaseOutageTests {

	@Test
	void aConnectionNotHadOrLostIsAnOutage() {
		var timedOut = new SQLTransientConnectionException("HikariPool-1 - Connection is not available");
		assertThat(DatabaseOutage.explains(new CannotGetJdbcConnectionException("Failed", timedOut))).isTrue();
		assertThat(DatabaseOutage.explains(new CannotCreateTransactionException("Could not open", timedOut))).isTrue();
		assertThat(DatabaseOutage.explains(new IllegalStateException(new SQLException("I/O error", "08006")))).isTrue();
		assertThat(DatabaseOutage.explains(new SQLException("terminating connection", "57P01"))).isTrue();
	}

	@Test
	void aRollbackThatFailedAfterTheConnectionWasLostIsAnOutage() {
		var rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
		rollback.initApplicationException(new SQLException("I/O error", "08006"));

		assertThat(DatabaseOutage.explains(rollback)).isTrue();
	}

	@Test
	void aStatementTheDatabaseRefusedIsNoOutage() {
		assertThat(DatabaseOutage.explains(new DataIntegrityViolationException("duplicate",
				new SQLException("duplicate key", "23505")))).isFalse();
		assertThat(DatabaseOutage.explains(new TransactionSystemException("JDBC rollback failed"))).isFalse();
		assertThat(DatabaseOutage.explains(new IllegalArgumentException("bug"))).isFalse();
		assertThat(DatabaseOutage.explains(null)).isFalse();
	}
}
