package io.morsel.reinforcement;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Scheduling steps per second: every review of the reference check's histories (ReviewHistories, the same seed),
 * replayed from a new card each time, as ts-fsrs replays them in bench/fsrs/run. One operation is one review.
 *
 * <p>{@code main} writes the histories for the Node.js side: {@code FsrsBenchmark histories.json}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FsrsBenchmark {

	/** The reviews in {@link ReviewHistories#all} with these arguments; checked in {@link #setUp()}. */
	static final int RANDOM = FsrsReferenceTests.RANDOM_HISTORIES;
	static final int REVIEWS = 8801;

	List<ReviewHistories.History> histories;
	List<Fsrs> schedulers;

	@Setup
	public void setUp() {
		histories = ReviewHistories.all(RANDOM, FsrsReferenceTests.SEED);
		schedulers = histories.stream().map(h -> new Fsrs(h.parameters())).toList();
		int reviews = histories.stream().mapToInt(h -> h.reviews().size()).sum();
		if (reviews != REVIEWS) {
			throw new IllegalStateException("The histories hold " + reviews + " reviews; set REVIEWS to it");
		}
	}

	@Benchmark
	@OperationsPerInvocation(REVIEWS)
	public void replayEveryHistory(Blackhole sink) {
		for (int h = 0; h < histories.size(); h++) {
			var fsrs = schedulers.get(h);
			var reviews = histories.get(h).reviews();
			var card = ReviewCard.fresh(reviews.getFirst().at());
			for (var review : reviews) {
				card = fsrs.review(card, review.at(), review.rating());
			}
			sink.consume(card);
		}
	}

	public static void main(String[] args) throws IOException {
		Files.writeString(Path.of(args[0]), ReviewHistories.json(ReviewHistories.all(RANDOM, FsrsReferenceTests.SEED)));
	}
}
