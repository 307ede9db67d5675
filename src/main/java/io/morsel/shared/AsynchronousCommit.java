package io.morsel.shared;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Lets the current transaction commit without waiting for PostgreSQL to flush its log to disk
 * ({@code synchronous_commit} off for this transaction alone, ADR 0056). Only for work that repairs itself when a
 * crash of the database loses it: an event listener's work whose publication completes after it (lost together, and
 * resubmitted), and the publication log's own bookkeeping. Never for what a person was told is saved.
 *
 * <p>What such a transaction writes is visible to everyone at once, as with any commit; only its durability waits, for
 * the database's log writer (a fraction of a second). On H2, the embedded default, it does nothing.
 */
@Component
public class AsynchronousCommit {

	private final JdbcTemplate jdbc;
	private final DatabaseProduct database;

	AsynchronousCommit(JdbcTemplate jdbc, DatabaseProduct database) {
		this.jdbc = jdbc;
		this.database = database;
	}

	/**
	 * Commits the current transaction asynchronously; its connection is as before once it ends.
	 * @throws IllegalTransactionStateException outside a transaction
	 */
	public void forThisTransaction() {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalTransactionStateException("An asynchronous commit needs a transaction to commit");
		}
		if (database.postgres()) {
			// SET LOCAL: the transaction's setting alone, undone when it commits or rolls back.
			jdbc.execute("SET LOCAL synchronous_commit TO OFF");
		}
	}
}
