package io.morsel.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Independent reference implementations run by Node.js in the tests: the pinned packages of a folder under
 * src/test/node, installed once with {@code npm ci} into a folder under target. Node and npm are required: without
 * them a reference check cannot run, and it fails saying so rather than passing unchecked.
 */
public final class NodePackages {

	private NodePackages() {
	}

	/**
	 * The folder under target holding the source folder's files, with its package-lock's packages installed; installs
	 * again when a file changed or {@code installedPackage} (a folder under node_modules) is missing.
	 */
	public static synchronized Path installed(Path source, Path home, List<String> files, String installedPackage)
			throws IOException, InterruptedException {
		Files.createDirectories(home);
		boolean changed = false;
		for (var file : files) {
			var target = home.resolve(file);
			if (!Files.exists(target) || Files.mismatch(source.resolve(file), target) != -1) {
				Files.copy(source.resolve(file), target, StandardCopyOption.REPLACE_EXISTING);
				changed = true;
			}
		}
		if (changed || !Files.isDirectory(home.resolve("node_modules").resolve(installedPackage))) {
			run(home, 300, "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
		}
		return home;
	}

	/** Runs a command in a folder and returns its standard output; fails on a non-zero exit with what it printed. */
	public static String run(Path folder, int timeoutSeconds, String... command) throws IOException, InterruptedException {
		var executable = command[0];
		if (!onPath(executable)) {
			throw new IllegalStateException("This reference check needs '" + executable + "' (Node.js and npm) on the "
					+ "PATH; install them (Debian: apt-get install nodejs npm; .ci/run does).");
		}
		var output = Files.createTempFile("node-reference", ".out");
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
