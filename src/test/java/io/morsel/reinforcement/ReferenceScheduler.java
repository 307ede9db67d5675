package io.morsel.reinforcement;

import io.morsel.support.NodePackages;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * ts-fsrs, the reference FSRS-6 implementation, run by Node.js: the pinned package of src/test/node/fsrs installed
 * once with {@code npm ci} into target/fsrs-reference ({@link NodePackages}).
 */
public final class ReferenceScheduler {

	private static final Path SOURCE = Path.of("src/test/node/fsrs");
	private static final Path HOME = Path.of("target/fsrs-reference");

	private ReferenceScheduler() {
	}

	/** The folder holding replay.mjs with ts-fsrs installed beside it. */
	public static Path installed() throws IOException, InterruptedException {
		return NodePackages.installed(SOURCE, HOME, List.of("package.json", "package-lock.json", "replay.mjs"),
				"ts-fsrs");
	}

	/** Runs a command in a folder and returns its standard output; fails on a non-zero exit with what it printed. */
	public static String run(Path folder, int timeoutSeconds, String... command) throws IOException, InterruptedException {
		return NodePackages.run(folder, timeoutSeconds, command);
	}
}
