import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.springframework.boot.SpringApplicationAotProcessor;

/**
 * The build's step of Spring's ahead-of-time processing (ADR 0022), run by the JDK the toolchain found, on the
 * application's class path: {@code java -cp <class path> tools/SpringAot.java <target> <release>}. It generates the
 * context's bean definitions as code, compiles that code with this JDK's compiler and adds it to
 * {@code <target>/classes}, which the jar is packaged from. spring-boot-maven-plugin's {@code process-aot} does the same
 * but compiles with the JDK Maven runs on, which may be older than the one Morsel needs.
 */
class SpringAot {

	public static void main(String[] args) throws Exception {
		var target = Path.of(args[0]);
		var release = args[1];
		var aot = target.resolve("spring-aot/main");
		var sources = aot.resolve("sources");
		var resources = aot.resolve("resources");
		var classes = aot.resolve("classes");
		delete(aot);
		SpringApplicationAotProcessor.main(new String[] { "io.morsel.MorselApplication", sources.toString(),
				resources.toString(), classes.toString(), "io.morsel", "morsel" });

		// The generated code refers to the configuration classes' proxies, which the processing wrote as class files.
		var output = target.resolve("classes");
		var options = new ArrayList<>(List.of("--release", release, "-parameters", "-proc:none", "-nowarn", "-cp",
				classes + java.io.File.pathSeparator + System.getProperty("java.class.path"), "-d", output.toString()));
		files(sources).stream().filter(file -> file.toString().endsWith(".java")).map(Path::toString)
			.forEach(options::add);
		var status = ToolProvider.getSystemJavaCompiler().run(null, null, null, options.toArray(String[]::new));
		if (status != 0) {
			throw new IllegalStateException("The generated sources under " + sources + " did not compile");
		}
		copy(resources, output);
		copy(classes, output);
	}

	private static List<Path> files(Path root) throws IOException {
		if (!Files.isDirectory(root)) {
			return List.of();
		}
		try (Stream<Path> walk = Files.walk(root)) {
			return walk.filter(Files::isRegularFile).toList();
		}
	}

	private static void copy(Path from, Path to) throws IOException {
		for (var file : files(from)) {
			var copy = to.resolve(from.relativize(file).toString());
			Files.createDirectories(copy.getParent());
			Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	private static void delete(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(root)) {
			walk.sorted(Comparator.reverseOrder()).forEach(path -> {
				try {
					Files.delete(path);
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			});
		}
	}
}
