package io.morsel.shared;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes what many requests hand over in one transaction (ADR 0005): one commit, one flush of the database's log and a
 * few round trips for a whole batch. {@link #write} returns once its item is committed, so nothing changes for the
 * caller; a batch holds what arrived while the previous one was being written, so a lone item is written at once.
 * When a batch fails, each of its items is written alone, so one item's failure is only its own; unless the database
 * could not be reached ({@link DatabaseOutage}), which fails every item of the batch at once, and when no connection
 * came within the pool's timeout, the items that queued meanwhile too.
 *
 * <p>Knows nothing of what it writes: the {@link Store} given says how a batch is written, in the transaction the
 * batcher opens. One thread per batcher, a platform thread (STACK.md trap 14). Declare it as a bean so that it starts and
 * stops with the application: stopping finishes the items waiting; a write after that runs on the caller's thread.
 * Metrics {@code morsel.<name>.batches} (time per batch) and {@code morsel.<name>.batch.size}.
 *
 * @param <T> what is written
 * @param <R> what a caller learns of its item's write
 */
public final class Batcher<T, R> implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(Batcher.class);

	/** Writes a batch, in order, in the batcher's transaction; answers one result per item, in the same order. */
	@FunctionalInterface
	public interface Store<T, R> {

		List<R> write(List<T> batch);
	}

	private record Pending<T, R>(T item, CompletableFuture<R> written) {
	}

	private final String name;
	private final int most;
	private final Store<T, R> store;
	private final TransactionTemplate transactions;
	private final BlockingQueue<Pending<T, R>> queue = new LinkedBlockingQueue<>();
	private final Timer batches;
	private final DistributionSummary batchSizes;
	private volatile @Nullable Thread writer;

	/**
	 * @param name what is written, plural ("answers"): names the thread and the metrics
	 * @param most the most items written in one transaction
	 */
	public Batcher(String name, int most, Store<T, R> store, PlatformTransactionManager transactions,
			MeterRegistry meters) {
		if (most < 1) {
			throw new IllegalArgumentException("A batch holds at least one item");
		}
		this.name = name;
		this.most = most;
		this.store = store;
		this.transactions = new TransactionTemplate(transactions);
		this.batches = Timer.builder("morsel." + name + ".batches")
			.description("Transactions of the " + name + " writer, each writing a batch")
			.register(meters);
		this.batchSizes = DistributionSummary.builder("morsel." + name + ".batch.size")
			.description("Items written in one transaction of the " + name + " writer")
			.baseUnit(name)
			.register(meters);
	}

	/**
	 * Writes the item with others in the batcher's own transaction, and returns once it is committed. Not from inside a
	 * transaction: the batch would wait for the caller's locks while the caller waits for the batch, so that is refused;
	 * write there with the store directly.
	 * @throws IllegalStateException when called inside a transaction
	 */
	public R write(T item) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("A batched write cannot join the caller's transaction; write in it directly");
		}
		if (writer == null) {
			return writeAlone(item);
		}
		var pending = new Pending<T, R>(item, new CompletableFuture<>());
		queue.add(pending);
		if (writer == null && queue.remove(pending)) {
			return writeAlone(item); // Stopped in between.
		}
		try {
			return pending.written().join();
		}
		catch (CompletionException e) {
			throw e.getCause() instanceof RuntimeException cause ? cause : e;
		}
	}

	private R writeAlone(T item) {
		return transactions.execute(status -> store.write(List.of(item))).getFirst();
	}

	private void run() {
		var batch = new ArrayList<Pending<T, R>>();
		// Not interrupted to stop, which could break off a batch's transaction: it sees writer gone and ends once the
		// queue is empty, so no item waiting is dropped.
		while (writer != null || !queue.isEmpty()) {
			try {
				var first = queue.poll(100, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				queue.drainTo(batch, most - 1);
				writeAll(batch);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
			finally {
				batch.clear();
			}
		}
	}

	/** Writes a batch in one transaction; when that fails, each item alone. */
	private void writeAll(List<Pending<T, R>> batch) {
		try {
			var started = System.nanoTime();
			var items = batch.stream().map(Pending::item).toList();
			var written = transactions.execute(status -> store.write(items));
			batches.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
			batchSizes.record(batch.size());
			for (int i = 0; i < batch.size(); i++) {
				batch.get(i).written().complete(written.get(i));
			}
		}
		catch (RuntimeException | Error failed) {
			// With the database away, each item alone would wait for a connection in turn: fail them all at once.
			if (batch.size() == 1 || DatabaseOutage.explains(failed)) {
				batch.forEach(item -> item.written().completeExceptionally(failed));
				if (noConnection(failed)) {
					// What queued meanwhile would wait the whole connection timeout again: each request would wait
					// twice as long as the setting says before its 503.
					var waiting = new ArrayList<Pending<T, R>>();
					queue.drainTo(waiting);
					waiting.forEach(item -> item.written().completeExceptionally(failed));
				}
				return;
			}
			log.debug("A batch of {} {} failed; writing them one by one", batch.size(), name, failed);
			for (var item : batch) {
				writeAll(List.of(item));
			}
		}
	}

	/** Whether the pool had no connection to give within its timeout: the database has been away for that long. */
	private static boolean noConnection(Throwable failure) {
		for (var cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof SQLTransientConnectionException) {
				return true;
			}
		}
		return false;
	}

	@Override
	public void start() {
		// A platform thread, unlike the requests' virtual ones: the writer is the one step every item goes through in
		// turn, and as a virtual thread it queues for one of the few carrier threads behind the requests each time the
		// database answers it (ADR 0005).
		var thread = Thread.ofPlatform().daemon().name(name + "-writer").unstarted(this::run);
		writer = thread;
		thread.start();
	}

	@Override
	public void stop() {
		var running = writer;
		writer = null;
		if (running != null) {
			try {
				running.join(Duration.ofSeconds(10));
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return writer != null;
	}
}
