package io.morsel.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.morsel.MorselIntegrationTest;
import io.morsel.TestInfrastructure;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A transaction committed asynchronously is that transaction alone: the connection it ran on commits the next one
 * durably again, so an answer written after a listener on the same pooled connection waits for the disk as before. The
 * publication log's marks commit asynchronously; a publication stored with what published it does not.
 */
@MorselIntegrationTest
class AsynchronousCommitTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	EventPublicationRepository publications;

	@Autowired
	DatabaseProduct database;

	private Connection connection;

	private JdbcTemplate jdbc;

	private TransactionTemplate transactions;

	private AsynchronousCommit commit;

	/** One connection of the pool for the whole test, so that what one transaction leaves, the next one sees. */
	@BeforeEach
	void oneConnection() throws SQLException {
		connection = dataSource.getConnection();
		var single = new SingleConnectionDataSource(connection, true);
		jdbc = new JdbcTemplate(single);
		transactions = new TransactionTemplate(new JdbcTransactionManager(single));
		commit = new AsynchronousCommit(jdbc, database);
	}

	@AfterEach
	void giveTheConnectionBack() throws SQLException {
		connection.close();
	}

	@Test
	void onlyTheTransactionThatAsksCommitsAsynchronously() {
		assumeFalse(TestInfrastructure.onH2(), "synchronous_commit is PostgreSQL's");
		assertThat(inANewTransaction()).isEqualTo("on");

		String during = transactions.execute(status -> {
			commit.forThisTransaction();
			return setting();
		});

		assertThat(during).isEqualTo("off");
		assertThat(inANewTransaction()).isEqualTo("on");
		assertThat(setting()).isEqualTo("on");
	}

	@Test
	void aTransactionRolledBackLeavesTheConnectionAsItWas() {
		assumeFalse(TestInfrastructure.onH2(), "synchronous_commit is PostgreSQL's");

		transactions.executeWithoutResult(status -> {
			commit.forThisTransaction();
			status.setRollbackOnly();
		});

		assertThat(inANewTransaction()).isEqualTo("on");
	}

	@Test
	void outsideATransactionThereIsNothingToCommitAsynchronously() {
		assertThatThrownBy(commit::forThisTransaction).isInstanceOf(IllegalTransactionStateException.class);
	}

	@Test
	void onEitherDatabaseTheTransactionGoesOnAndCommits() {
		Integer answer = transactions.execute(status -> {
			commit.forThisTransaction(); // On H2, the embedded default, nothing: it has no such setting.
			return jdbc.queryForObject("SELECT 1", Integer.class);
		});

		assertThat(answer).isEqualTo(1);
	}

	@Test
	void thePublicationLogsMarksCommitAsynchronouslyAndPublicationsWithWhatPublishedThem() {
		assumeFalse(TestInfrastructure.onH2(), "synchronous_commit is PostgreSQL's");
		var seen = new ArrayList<String>();
		var recording = (EventPublicationRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { EventPublicationRepository.class }, (proxy, method, args) -> {
					seen.add(method.getName() + " " + setting());
					return method.getReturnType() == boolean.class ? true : null;
				});
		var beans = new StaticListableBeanFactory();
		beans.addBean("commit", commit);
		var marks = new PublicationBookkeeping.Marks(recording, beans.getBeanProvider(AsynchronousCommit.class));

		transactions.executeWithoutResult(status -> marks.create((TargetEventPublication) null));
		transactions.executeWithoutResult(status -> marks.markProcessing(UUID.randomUUID()));
		transactions.executeWithoutResult(status -> marks.markCompleted(UUID.randomUUID(), Instant.now()));
		transactions.executeWithoutResult(status -> marks.markFailed(UUID.randomUUID()));
		transactions.executeWithoutResult(status -> marks.markResubmitted(UUID.randomUUID(), Instant.now()));
		transactions.executeWithoutResult(status -> marks.create((TargetEventPublication) null));

		assertThat(seen).containsExactly("create on", "markProcessing off", "markCompleted off", "markFailed off",
				"markResubmitted off", "create on");
	}

	@Test
	void theApplicationsPublicationLogKeepsItsMarksAsynchronous() {
		assertThat(publications).isInstanceOf(PublicationBookkeeping.Marks.class);
	}

	private String inANewTransaction() {
		return transactions.execute(status -> setting());
	}

	private String setting() {
		return jdbc.queryForObject("SELECT current_setting('synchronous_commit')", String.class);
	}
}
