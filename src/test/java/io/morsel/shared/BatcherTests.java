package io.morsel.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/** The batcher's mechanism, without a database: what callers get back, and one batch written at a time. */
class BatcherTests {

	@Test
	void batchesAreWrittenOneAfterTheOtherEachCallerGettingItsOwnResult() throws Exception {
		var writing = new AtomicInteger();
		var most = new AtomicInteger();
		var batcher = batcher(batch -> {
			most.accumulateAndGet(writing.incrementAndGet(), Math::max);
			sleep();
			writing.decrementAndGet();
			return batch;
		});
		batcher.start();
		try {
			var writes = java.util.stream.IntStream.range(0, 20)
				.mapToObj(i -> CompletableFuture.supplyAsync(() -> batcher.write("item " + i)))
				.toList();
			for (int i = 0; i < writes.size(); i++) {
				assertThat(writes.get(i).get(10, TimeUnit.SECONDS)).isEqualTo("item " + i);
			}
			assertThat(most).hasValue(1);
		}
		finally {
			batcher.stop();
		}
	}

	@Test
	void oneItemsFailureIsOnlyItsOwn() throws Exception {
		var batcher = batcher(batch -> {
			if (batch.contains("bad")) {
				throw new IllegalStateException("The store refuses " + batch);
			}
			return batch;
		});
		batcher.start();
		try {
			var writes = List.of("good", "bad", "fine")
				.stream()
				.map(item -> CompletableFuture.supplyAsync(() -> batcher.write(item)))
				.toList();
			assertThat(writes.get(0).get(10, TimeUnit.SECONDS)).isEqualTo("good");
			assertThat(writes.get(2).get(10, TimeUnit.SECONDS)).isEqualTo("fine");
			assertThatThrownBy(() -> writes.get(1).get(10, TimeUnit.SECONDS))
				.hasRootCauseInstanceOf(IllegalStateException.class);
		}
		finally {
			batcher.stop();
		}
	}

	@Test
	void aStoppedBatcherWritesOnTheCallersThread() {
		var batcher = batcher(batch -> batch.stream().map(item -> item + " by " + Thread.currentThread().getName()).toList());
		batcher.start();
		batcher.stop();

		assertThat(batcher.isRunning()).isFalse();
		assertThat(batcher.write("late")).isEqualTo("late by " + Thread.currentThread().getName());
	}

	private static Batcher<String, String> batcher(Batcher.Store<String, String> store) {
		return new Batcher<>("things", 16, store, new NoDatabase(), new SimpleMeterRegistry());
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(10, TimeUnit.SECONDS)).as("waited for the other thread").isTrue();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(5);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** Transactions that hold nothing: the batcher's own logic is what is tested. */
	private static final class NoDatabase extends AbstractPlatformTransactionManager {

		@Override
		protected Object doGetTransaction() {
			return new Object();
		}

		@Override
		protected void doBegin(Object transaction, TransactionDefinition definition) {
		}

		@Override
		protected void doCommit(DefaultTransactionStatus status) {
		}

		@Override
		protected void doRollback(DefaultTransactionStatus status) {
		}
	}
}
