package io.morsel.reinforcement;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * ts-fsrs, the reference FSRS-6 implementation, run by Node.js: the pinned package of src/test/node/fsrs installed
 * once with {@code npm ci} into target/fsrs-reference. Node and npm are required: without them the comparison cannot
 * run, and it fails saying so rather than passing unchecked.
 */
public final class ReferenceScheduler {

	private static final Path SOURCE = Path.of("src/test/node/fsrs");
	private static final Path HOME = Path.of("target/fsrs-reference");

	private ReferenceScheduler() {
	}

	/** The folder holding replay.mjs with ts-fsrs installed beside it. */
	public static synchronized Path installed() throws IOException, InterruptedException {
		Files.createDirectories(HOME);
		boolean changed = false;
		for (var file : List.of("package.json", "package-lock.json", "replay.mjs")) {
			var target = HOME.resolve(file);
			if (!Files.exists(target) || Files.mismatch(SOURCE.resolve(file), target) != -1) {
				Files.copy(SOURCE.resolve(file), target, StandardCopyOption.REPLACE_EXISTING);
				changed = true;
			}
		}
		if (changed || !Files.isDirectory(HOME.resolve("node_modules/ts-fsrs"))) {
			run(HOME, 300, "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
		}
		return HOME;
	}

	/** Runs a command in a folder and returns its standard output; fails on a non-zero exit with what it printed. */
	public static String run(Path folder, int timeoutSeconds, String... command) throws IOException, InterruptedException {
		var executable = command[0];
		if (!onPath(executable)) {
			throw new IllegalStateException("The FSRS reference check needs '" + executable + "' (Node.js and npm) on "
					+ "the PATH to run ts-fsrs; install them (Debian: apt-get install nodejs npm; .ci/run does).");
		}
		var output = Files.createTempFile("fsrs-reference", ".out");
		try {
			var process = new ProcessBuilder(command).directory(folder.toFile())
				.redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.start();
			if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(String.join(" ", command) + " took more than " + timeoutSeconds + " s");
			}
			var printed = Files.readString(output);
			if (process.exitValue() != 0) {
				throw new IllegalStateException(
						String.join(" ", command) + " failed (exit " + process.exitValue() + "):\n" + printed);
			}
			return printed;
		}
		finally {
			Files.deleteIfExists(output);
		}
	}

	private static boolean onPath(String executable) {
		var path = System.getenv("PATH");
		return Stream.of((path == null ? "" : path).split(File.pathSeparator))
			.anyMatch(folder -> Files.isExecutable(Path.of(folder, executable)));
	}
}
