import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Morsel's capacity test (bench/capacity/README.md): a closed loop of simulated learners, each a virtual thread with
 * its own cookies, signing in once through the form and then cycling through Today, a lesson page, three answers and
 * Today, thinking between requests. The number of learners grows step by step. A step first signs its new learners
 * in, while those of earlier steps go on cycling; the new ones start cycling once all of them have signed in, and the
 * step is measured {@code warmup} seconds after the last of them has had its first lesson page, so that the measured
 * window holds the steady cycle alone: no sign-in, no learner's first page. The test stops after the first step whose
 * p99 is over the bound.
 *
 * <pre>java bench/capacity/Capacity.java base=http://localhost:8092 steps=1000,2000 lessons=lessons.txt node-pid=123</pre>
 *
 * Settings (key=value): base, steps, lessons (a file of lesson ids, one a line, each of {@code questions}
 * single-choice questions q1.. whose right option is "a"), questions (39), email (capacity%d@acme.test),
 * password (morsel-demo), think (10, mean seconds; each think is uniform between half and one and a half of it),
 * warmup (20 s after the step's new learners have all had their first lesson page), measure (60 s), sign-ins (per
 * second, 100), p99 (200 ms), node-pid (the application's process, for its resident memory and CPU), database (the
 * node's database, whose server processes' CPU is counted when PostgreSQL runs on this machine; psql finds it with
 * the PG* variables), continue (steps measured past the first over the bound, 0).
 */
public class Capacity {

	enum Kind {
		TODAY, LESSON, ANSWER
	}

	public static void main(String[] args) throws Exception {
		var settings = new HashMap<String, String>();
		for (var arg : args) {
			var equals = arg.indexOf('=');
			if (equals < 0) {
				throw new IllegalArgumentException("Arguments are key=value: " + arg);
			}
			settings.put(arg.substring(0, equals), arg.substring(equals + 1));
		}
		new Capacity(settings).run();
	}

	private final URI base;
	private final List<Integer> steps;
	private final List<String> lessons;
	private final int questions;
	private final String email;
	private final String password;
	private final long thinkMillis;
	private final Duration warmup;
	private final Duration measure;
	private final int signInsPerSecond;
	private final double p99BoundMillis;
	private final long nodePid;
	private final String database;
	private final int continuePast;
	private final Duration kindWindow;
	private final int few;
	private final String metricsToken;
	private final List<Kind> kindList;
	private final List<Mode> modes;
	private final HttpClient http;
	private final AtomicReference<Recording> recording = new AtomicReference<>();
	private final AtomicLong signInFailures = new AtomicLong();
	private final AtomicLong signInRetries = new AtomicLong();
	private final AtomicLong signInFormRetries = new AtomicLong();
	private static final int SIGN_IN_TRIES = 5;
	private static final Duration SIGN_IN_PATIENCE = Duration.ofMinutes(2);
	private volatile boolean running = true;
	/** What the learners do: their cycle (null), or one kind of request alone ({@link #measureKinds}). */
	private volatile Phase phase;

	/** The learners cycling, for the paced phases of {@link #measureKinds}. */
	private volatile int cycling;

	/** Who sends the kind of a phase, and how often. */
	enum Mode {
		/** The first {@code few} learners, one request after the other without thinking, as bench/run's wrk does. */
		FEW,
		/** Every learner, one request after each think time: the closed loop's rate. */
		MANY,
		/** The first {@code few} learners, at the rate of {@link #MANY}: their think times shortened to match. */
		PACED
	}

	/** One kind of request alone, sent as the mode says; the other learners go on thinking. */
	record Phase(Kind kind, Mode mode) {

		String name() {
			return kind.name().toLowerCase() + switch (mode) {
				case FEW -> " (few learners, no think)";
				case MANY -> " (every learner, thinking)";
				case PACED -> " (few learners, the same rate)";
			};
		}
	}

	Capacity(Map<String, String> settings) throws Exception {
		base = URI.create(settings.getOrDefault("base", "http://localhost:8092"));
		steps = Arrays.stream(settings.getOrDefault("steps", "1000,2000,5000,10000,20000").split(","))
			.map(String::strip)
			.map(Integer::parseInt)
			.toList();
		lessons = Files.readAllLines(Path.of(settings.getOrDefault("lessons", "lessons.txt")))
			.stream()
			.map(String::strip)
			.filter(line -> !line.isEmpty())
			.toList();
		if (lessons.isEmpty()) {
			throw new IllegalArgumentException("No lesson ids in " + settings.get("lessons"));
		}
		questions = Integer.parseInt(settings.getOrDefault("questions", "39"));
		email = settings.getOrDefault("email", "capacity%d@acme.test");
		password = settings.getOrDefault("password", "morsel-demo");
		thinkMillis = Math.round(Double.parseDouble(settings.getOrDefault("think", "10")) * 1000);
		warmup = Duration.ofSeconds(Long.parseLong(settings.getOrDefault("warmup", "20")));
		measure = Duration.ofSeconds(Long.parseLong(settings.getOrDefault("measure", "60")));
		signInsPerSecond = Integer.parseInt(settings.getOrDefault("sign-ins", "100"));
		p99BoundMillis = Double.parseDouble(settings.getOrDefault("p99", "200"));
		nodePid = Long.parseLong(settings.getOrDefault("node-pid", "0"));
		database = settings.getOrDefault("database", "");
		continuePast = Integer.parseInt(settings.getOrDefault("continue", "0"));
		kindWindow = Duration.ofSeconds(Long.parseLong(settings.getOrDefault("kinds", "0")));
		few = Integer.parseInt(settings.getOrDefault("few", "32"));
		metricsToken = settings.getOrDefault("metrics-token", "");
		kindList = Arrays.stream(settings.getOrDefault("kind-list", "today,lesson,answer").split(","))
			.map(kind -> Kind.valueOf(kind.strip().toUpperCase()))
			.toList();
		modes = Arrays.stream(settings.getOrDefault("modes", "few,many,paced,few").split(","))
			.map(mode -> Mode.valueOf(mode.strip().toUpperCase()))
			.toList();
		// One client for every learner: a client per learner would keep a selector thread each. Cookies are kept per
		// learner by hand, and redirects are not followed, so that each request measured is one round trip.
		http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.executor(Executors.newVirtualThreadPerTaskExecutor())
			.build();
	}

	void run() throws Exception {
		var threads = Executors.newVirtualThreadPerTaskExecutor();
		var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		var cores = Runtime.getRuntime().availableProcessors();
		System.out.printf("closed loop at %s: think %.1f s (uniform %.1f–%.1f s), %d s warm-up and %d s measured "
				+ "per step, p99 bound %.0f ms, %d lessons of %d questions%n", base, thinkMillis / 1000.0,
				thinkMillis / 2000.0, thinkMillis * 1.5 / 1000, warmup.toSeconds(), measure.toSeconds(), p99BoundMillis,
				lessons.size(), questions);
		System.out.printf("%8s %9s %8s %8s %8s %8s %8s %8s %7s %9s %9s %8s %8s %8s%n", "learners", "req/s", "p50",
				"p99", "today99", "lesson99", "answer99", "max", "errors", "sign-in/s", "generator", "node CPU",
				"db CPU", "node RSS");
		var started = 0;
		var over = 0;
		var best = 0;
		for (var target : steps) {
			var newcomers = new Newcomers(target - started);
			var pace = new Semaphore(0);
			var pacer = Thread.ofPlatform().daemon().start(() -> release(pace));
			var rampBegan = System.nanoTime();
			for (var index = started; index < target; index++) {
				var number = index + 1;
				threads.execute(() -> learner(number, pace, newcomers));
			}
			newcomers.signedIn.await();
			pacer.interrupt();
			var rampSeconds = (System.nanoTime() - rampBegan) / 1e9;
			var signInRate = (target - started) / rampSeconds;
			started = target;
			cycling = target;
			newcomers.go.countDown();
			newcomers.firstLesson.await();
			Thread.sleep(warmup);
			var databasePids = databaseProcesses();
			var window = record(os, cores, databasePids, measure);
			var step = window.step();
			var seconds = measure.toNanos() / 1e9;
			var all = step.all();
			var p99 = all.percentile(0.99);
			System.out.printf("%8d %9.1f %8s %8s %8s %8s %8s %8s %7d %9.0f %8.1f%% %8s %8s %8s%n", target,
					all.count() / seconds, millis(all.percentile(0.50)), millis(p99),
					millis(step.of(Kind.TODAY).percentile(0.99)), millis(step.of(Kind.LESSON).percentile(0.99)),
					millis(step.of(Kind.ANSWER).percentile(0.99)), millis(all.max()), step.errors.get(), signInRate,
					100 * window.generatorShare(), perRequest(nodePid > 0 ? window.nodeTicks() : -1, all.count()),
					perRequest(databasePids.isEmpty() ? -1 : window.databaseTicks(), all.count()), rss());
			if (step.errors.get() > 0) {
				step.firstErrors.forEach((what, count) -> System.out.printf("    %d × %s%n", count, what));
			}
			if (all.count() > 0 && p99 / 1e6 <= p99BoundMillis && step.errors.get() == 0) {
				best = target;
			}
			else if (++over > continuePast) {
				break;
			}
		}
		if (!kindWindow.isZero()) {
			measureKinds(os, cores);
		}
		running = false;
		System.out.println(best > 0
				? "largest step with p99 under " + (long) p99BoundMillis + " ms and no errors: " + best + " learners"
				: "no step kept p99 under " + (long) p99BoundMillis + " ms without errors");
		if (signInFailures.get() > 0) {
			System.out.println("sign-ins that failed: " + signInFailures.get());
		}
		if (signInRetries.get() > 0) {
			System.out.println("sign-ins sent again after a 503 or 429 with Retry-After: " + signInRetries.get());
		}
		if (signInFormRetries.get() > 0) {
			System.out.println("sign-in forms asked for again after a 503 or 429 with Retry-After: "
					+ signInFormRetries.get());
		}
		threads.shutdownNow();
		System.exit(0);
	}

	/**
	 * What each kind of request costs alone, once the steps are done: for each phase (one kind sent as its {@link Mode}
	 * says), the node's and
	 * PostgreSQL's CPU a request, the statements PostgreSQL ran a request (pg_stat_statements of the node's database,
	 * reset before the window) and the caches missed a request (the node's {@code cache_gets_total}, with an admin's
	 * token). Each phase begins after the learners' current think times (one and a half think times, plus warm-up).
	 */
	private void measureKinds(com.sun.management.OperatingSystemMXBean os, int cores) throws Exception {
		System.out.printf("%none kind at a time, %d s each (few: the first %d learners):%n", kindWindow.toSeconds(), few);
		// Few learners without thinking first, so that the JIT has compiled what every phase runs before the others
		// are measured (its threads' CPU is the node's), then every learner, then few at that rate, then few again.
		var phases = new ArrayList<Phase>();
		for (var mode : modes) {
			for (var kind : kindList) {
				phases.add(new Phase(kind, mode));
			}
		}
		for (var next : phases) {
			phase = next;
			Thread.sleep(thinkMillis * 3 / 2 + warmup.toMillis());
			var databasePids = databaseProcesses();
			psql("SELECT pg_stat_statements_reset(0, (SELECT oid FROM pg_database WHERE datname = current_database()), 0)");
			var cachesBefore = cacheGets();
			var window = record(os, cores, databasePids, kindWindow);
			var step = window.step();
			var cachesAfter = cacheGets();
			var all = step.all();
			var count = all.count();
			System.out.printf("%-44s %7d requests %8.1f/s  p50 %8s  p99 %8s  errors %d  generator %.1f%%  node %s  db %s"
					+ " a request%n", next.name(), count, count / (kindWindow.toNanos() / 1e9),
					millis(all.percentile(0.50)), millis(all.percentile(0.99)), step.errors.get(),
					100 * window.generatorShare(), perRequest(nodePid > 0 ? window.nodeTicks() : -1, count),
					perRequest(databasePids.isEmpty() ? -1 : window.databaseTicks(), count));
			step.firstErrors.forEach((what, times) -> System.out.printf("    %d × %s%n", times, what));
			if (count == 0) {
				continue;
			}
			cachesAfter.forEach((name, gets) -> {
				var before = cachesBefore.getOrDefault(name, 0.0);
				if (gets - before > 0) {
					System.out.printf("    cache %-48s %8.3f a request%n", name, (gets - before) / count);
				}
			});
			var statements = psql("""
					SELECT round(calls::numeric / %d, 3) || ' calls, ' || round((total_exec_time * 1000 / %d)::numeric, 1)
					       || ' µs a request: ' || regexp_replace(left(query, 150), '\\s+', ' ', 'g')
					FROM pg_stat_statements
					WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
					  AND query NOT LIKE '%%pg_stat%%'
					ORDER BY total_exec_time DESC
					LIMIT 12""".formatted(count, count));
			var total = psql("""
					SELECT round(sum(calls)::numeric / %d, 2) || ' statements, '
					       || round((sum(total_exec_time) * 1000 / %d)::numeric, 1) || ' µs of execution a request'
					FROM pg_stat_statements
					WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
					  AND query NOT LIKE '%%pg_stat%%'""".formatted(count, count));
			total.forEach(line -> System.out.println("    statements: " + line));
			statements.forEach(line -> System.out.println("      " + line));
		}
		phase = null;
	}

	/** A measured window: its requests, and the CPU the generator (a share of the cores), node and database took. */
	private record Window(Recording step, double generatorShare, long nodeTicks, long databaseTicks) {
	}

	/** Records every request for {@code length}, and the CPU each process took meanwhile. */
	private Window record(com.sun.management.OperatingSystemMXBean os, int cores, List<Long> databasePids,
			Duration length) throws InterruptedException {
		var step = new Recording();
		var cpuBefore = os.getProcessCpuTime();
		var nodeTicksBefore = ticks(List.of(nodePid));
		var databaseTicksBefore = ticks(databasePids);
		var wallBefore = System.nanoTime();
		recording.set(step);
		Thread.sleep(length);
		recording.set(null);
		var generatorShare = (os.getProcessCpuTime() - cpuBefore) / (double) (System.nanoTime() - wallBefore) / cores;
		return new Window(step, generatorShare, ticks(List.of(nodePid)) - nodeTicksBefore,
				ticks(databasePids) - databaseTicksBefore);
	}

	/** Runs a statement on the node's database with psql; its lines, none when psql cannot. */
	private List<String> psql(String sql) {
		if (database.isEmpty()) {
			return List.of();
		}
		try {
			var psql = new ProcessBuilder("psql", "-Atq", "-d", database, "-c", sql).redirectErrorStream(true).start();
			var lines = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
			return psql.waitFor() == 0 ? lines : List.of();
		}
		catch (Exception cannot) {
			return List.of();
		}
	}

	/** The node's cache gets so far, by cache and result ("sessions miss"); empty without a metrics token. */
	private Map<String, Double> cacheGets() {
		var gets = new java.util.TreeMap<String, Double>();
		if (metricsToken.isEmpty()) {
			return gets;
		}
		try {
			var response = http.send(HttpRequest.newBuilder(base.resolve("/actuator/prometheus"))
				.header("Authorization", "Bearer " + metricsToken)
				.timeout(Duration.ofSeconds(30))
				.build(), HttpResponse.BodyHandlers.ofString());
			var pattern = java.util.regex.Pattern
				.compile("^cache_gets_total\\{(.*)\\} ([0-9.eE+-]+)$", java.util.regex.Pattern.MULTILINE);
			var matcher = pattern.matcher(response.body());
			while (matcher.find()) {
				var labels = matcher.group(1);
				gets.merge(label(labels, "cache") + " " + label(labels, "result"), Double.parseDouble(matcher.group(2)),
						Double::sum);
			}
		}
		catch (Exception cannot) {
			// Without metrics the phases print no cache lines.
		}
		return gets;
	}

	private static String label(String labels, String name) {
		var at = labels.indexOf(name + "=\"");
		if (at < 0) {
			return "";
		}
		var from = at + name.length() + 2;
		return labels.substring(from, labels.indexOf('"', from));
	}

	/** Lets {@code signInsPerSecond} sign-ins through each second, in ten slices. */
	private void release(Semaphore pace) {
		try {
			while (true) {
				pace.release(Math.max(1, signInsPerSecond / 10));
				Thread.sleep(100);
			}
		}
		catch (InterruptedException stopped) {
			// The step's learners have all signed in.
		}
	}

	/** The step's new learners: who has signed in, when they may start cycling, who has had a first lesson page. */
	private static final class Newcomers {

		final CountDownLatch signedIn;
		final CountDownLatch go = new CountDownLatch(1);
		final CountDownLatch firstLesson;

		Newcomers(int count) {
			signedIn = new CountDownLatch(count);
			firstLesson = new CountDownLatch(count);
		}
	}

	/**
	 * The server processes of the node's database, to count their CPU: those PostgreSQL runs for the node's
	 * connections (its pool keeps them open). Empty when PostgreSQL is on another machine or psql cannot ask.
	 */
	private List<Long> databaseProcesses() {
		if (database.isEmpty()) {
			return List.of();
		}
		try {
			var psql = new ProcessBuilder("psql", "-Atq", "-d", database, "-c",
					"SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")
				.redirectErrorStream(true)
				.start();
			var pids = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
				.map(String::strip)
				.filter(line -> line.matches("\\d+"))
				.map(Long::parseLong)
				.filter(Capacity::isPostgres)
				.toList();
			return psql.waitFor() == 0 ? pids : List.of();
		}
		catch (Exception cannot) {
			return List.of();
		}
	}

	/** Whether the process of this id runs here and is PostgreSQL's (a remote server's ids mean nothing here). */
	private static boolean isPostgres(long pid) {
		try {
			return Files.readString(Path.of("/proc/" + pid + "/comm")).strip().startsWith("postgres");
		}
		catch (Exception none) {
			return false;
		}
	}

	/** The CPU the processes have used so far, user and system, in clock ticks (a hundredth of a second). */
	private static long ticks(List<Long> pids) {
		var sum = 0L;
		for (var pid : pids) {
			try {
				var stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
				// The fields after the command's name, which is in parentheses and may hold spaces: utime and stime
				// are the 14th and 15th of the line.
				var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
				sum += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
			}
			catch (Exception gone) {
				// A process that ended took its CPU with it.
			}
		}
		return sum;
	}

	/** Milliseconds of CPU a request, from clock ticks; "-" when not counted. */
	private static String perRequest(long ticks, long requests) {
		return ticks < 0 || requests == 0 ? "-" : String.format("%.2fms", ticks * 10.0 / requests);
	}

	private String rss() {
		if (nodePid <= 0) {
			return "-";
		}
		try {
			for (var line : Files.readAllLines(Path.of("/proc/" + nodePid + "/status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("\\D", "")) / 1024 + " MB";
				}
			}
		}
		catch (Exception gone) {
			return "gone";
		}
		return "-";
	}

	private static String millis(long nanos) {
		return nanos < 0 ? "-" : String.format("%.1fms", nanos / 1e6);
	}

	/** One learner: signs in once (paced), then cycles until the test ends. */
	private void learner(int number, Semaphore pace, Newcomers newcomers) {
		var me = new Browser();
		try {
			pace.acquire();
			try {
				me.signIn(String.format(email, number));
			}
			catch (Exception failed) {
				if (signInFailures.incrementAndGet() <= 3) {
					System.out.println("    sign-in failed: " + failed);
				}
				// Who could not sign in has no first lesson page to wait for.
				newcomers.firstLesson.countDown();
				return;
			}
			finally {
				newcomers.signedIn.countDown();
			}
			// Once the step's learners have all signed in, they start their cycles spread over one think time, as
			// people do who came at different moments.
			newcomers.go.await();
			Thread.sleep(ThreadLocalRandom.current().nextLong(thinkMillis + 1));
			var first = true;
			// Each cycle answers the next three questions of the learner's lesson; a finished lesson leads to the next.
			// The cycle is Today, the lesson page, three answers and Today, each request followed by a think time; its
			// position is kept so that a phase of one kind alone (measureKinds) can begin between any two requests.
			var lessonIndex = number % lessons.size();
			var question = 0;
			var position = 0;
			while (running) {
				var only = phase;
				if (only != null) {
					if (only.mode() != Mode.MANY && number > few) {
						think();
						continue;
					}
					if (only.kind() == Kind.ANSWER && question >= questions) {
						lessonIndex = (lessonIndex + 1) % lessons.size();
						question = 0;
					}
					var lesson = lessons.get(lessonIndex);
					switch (only.kind()) {
						case TODAY -> me.get("/today", Kind.TODAY);
						case LESSON -> me.get("/lessons/" + lesson, Kind.LESSON);
						case ANSWER -> me.answer(lesson, "q" + (++question));
					}
					if (only.mode() == Mode.MANY) {
						think();
					}
					else if (only.mode() == Mode.PACED) {
						var think = Math.max(1, thinkMillis * few / Math.max(few, cycling));
						Thread.sleep(think / 2 + ThreadLocalRandom.current().nextLong(think + 1));
					}
					continue;
				}
				if (position == 0 && question + 3 > questions) {
					lessonIndex = (lessonIndex + 1) % lessons.size();
					question = 0;
				}
				var lesson = lessons.get(lessonIndex);
				switch (position) {
					case 0, 5 -> me.get("/today", Kind.TODAY);
					case 1 -> {
						me.get("/lessons/" + lesson, Kind.LESSON);
						if (first) {
							newcomers.firstLesson.countDown();
							first = false;
						}
					}
					default -> {
						if (question >= questions) {
							lessonIndex = (lessonIndex + 1) % lessons.size();
							question = 0;
							lesson = lessons.get(lessonIndex);
						}
						me.answer(lesson, "q" + (++question));
					}
				}
				position = (position + 1) % 6;
				think();
			}
		}
		catch (InterruptedException stopped) {
			Thread.currentThread().interrupt();
		}
	}

	private void think() throws InterruptedException {
		Thread.sleep(thinkMillis / 2 + ThreadLocalRandom.current().nextLong(thinkMillis + 1));
	}

	/** A learner's cookies and CSRF token, as a browser keeps them. */
	private final class Browser {

		private final Map<String, String> cookies = new LinkedHashMap<>();
		private String csrf = "";

		/**
		 * Signs in through the form. A node that is busy answers 503 (or 429) with {@code Retry-After}, as it may when
		 * many sign in at once; the learner asks again after that long (and up to as long again, so that the refused
		 * do not all come back in the same second), as a person would. Sending the form counts as a try, up to
		 * {@value #SIGN_IN_TRIES}; fetching the form does not (nothing was sent yet), so a learner keeps asking for
		 * it for up to {@link #SIGN_IN_PATIENCE}. Retries count in the sign-in rate, not as failures.
		 */
		void signIn(String address) throws Exception {
			var giveUp = System.nanoTime() + SIGN_IN_PATIENCE.toNanos();
			for (var attempt = 1;;) {
				var form = send(HttpRequest.newBuilder(base.resolve("/sign-in")).GET());
				if (form.statusCode() == 200) {
					var signed = send(post("/sign-in", Map.of("email", address, "password", password, "_csrf", csrf)));
					var to = signed.headers().firstValue("Location").orElse("");
					if (signed.statusCode() == 302 && !to.contains("sign-in") && cookies.containsKey("MORSEL_SESSION")) {
						return;
					}
					if (!busy(signed) || attempt == SIGN_IN_TRIES) {
						throw new IllegalStateException(address + " was not signed in: " + signed.statusCode() + " to "
								+ to + (attempt > 1 ? " (try " + attempt + ")" : ""));
					}
					attempt++;
					signInRetries.incrementAndGet();
					Thread.sleep(retryAfter(signed));
				}
				else if (!busy(form) || System.nanoTime() > giveUp) {
					throw new IllegalStateException("GET /sign-in answered " + form.statusCode()
							+ (busy(form) ? " for " + SIGN_IN_PATIENCE.toSeconds() + " s" : ""));
				}
				else {
					signInFormRetries.incrementAndGet();
					Thread.sleep(retryAfter(form));
				}
			}
		}

		private static boolean busy(HttpResponse<String> response) {
			return (response.statusCode() == 503 || response.statusCode() == 429)
					&& response.headers().firstValue("Retry-After").isPresent();
		}

		private static Duration retryAfter(HttpResponse<String> response) {
			try {
				var seconds = Math.min(60, Long.parseLong(response.headers().firstValue("Retry-After").orElse("1")));
				return Duration.ofMillis(seconds * 1000 + ThreadLocalRandom.current().nextLong(seconds * 1000 + 1));
			}
			catch (NumberFormatException date) {
				return Duration.ofSeconds(1);
			}
		}

		void get(String path, Kind kind) throws InterruptedException {
			var began = System.nanoTime();
			try {
				var response = send(HttpRequest.newBuilder(base.resolve(path)).GET());
				var ok = response.statusCode() == 200 && response.body().contains("action=\"/sign-out\"");
				record(kind, began, ok, ok ? null : path + " answered " + response.statusCode() + " without the page");
			}
			catch (InterruptedException stopped) {
				throw stopped;
			}
			catch (Exception failed) {
				record(kind, began, false, path + ": " + failed);
			}
		}

		/** Answers a question as the player does with JavaScript on: the form sent by htmx, its fragment back. */
		void answer(String lesson, String interaction) throws InterruptedException {
			var began = System.nanoTime();
			var path = "/lessons/" + lesson + "/answers/" + interaction;
			try {
				var request = post(path, Map.of("optionIds", "a", "_csrf", csrf, "answerKey", UUID.randomUUID().toString(),
						"shownAt", Long.toString(System.currentTimeMillis() - 8000)))
					.header("HX-Request", "true");
				var response = send(request);
				// A refused answer is a 200 fragment too, with the reason in a field error.
				var ok = response.statusCode() == 200 && !response.body().contains("field-error");
				record(Kind.ANSWER, began, ok, ok ? null : "answer answered " + response.statusCode()
						+ (response.statusCode() == 200 ? " refused" : ""));
			}
			catch (InterruptedException stopped) {
				throw stopped;
			}
			catch (Exception failed) {
				record(Kind.ANSWER, began, false, "answer: " + failed);
			}
		}

		private HttpRequest.Builder post(String path, Map<String, String> form) {
			var body = new StringBuilder();
			form.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
				.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
				.append('=')
				.append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
			return HttpRequest.newBuilder(base.resolve(path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body.toString()));
		}

		private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
			if (!cookies.isEmpty()) {
				var header = new StringBuilder();
				cookies.forEach((name, value) -> header.append(header.isEmpty() ? "" : "; ").append(name).append('=')
					.append(value));
				request.header("Cookie", header.toString());
			}
			var response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
			for (var set : response.headers().allValues("Set-Cookie")) {
				var pair = set.substring(0, set.indexOf(';') < 0 ? set.length() : set.indexOf(';'));
				var equals = pair.indexOf('=');
				if (equals > 0) {
					var value = pair.substring(equals + 1);
					if (value.isEmpty() || set.toLowerCase().contains("max-age=0")) {
						cookies.remove(pair.substring(0, equals));
					}
					else {
						cookies.put(pair.substring(0, equals), value);
					}
				}
			}
			var body = response.body();
			var at = body.indexOf("name=\"_csrf\" value=\"");
			if (at >= 0) {
				var from = at + "name=\"_csrf\" value=\"".length();
				csrf = body.substring(from, body.indexOf('"', from));
			}
			return response;
		}

		private void record(Kind kind, long began, boolean ok, String error) {
			var step = recording.get();
			if (step != null) {
				step.add(kind, System.nanoTime() - began, ok, error);
			}
		}
	}

	/** The latencies of one step, in 0.1 ms buckets up to 30 s, by kind of request. */
	private static final class Recording {

		private static final int BUCKETS = 300_000;
		private static final long BUCKET_NANOS = 100_000;

		private final Map<Kind, AtomicLongArray> kinds = new ConcurrentHashMap<>();
		private final AtomicLong errors = new AtomicLong();
		private final Map<String, Long> firstErrors = new ConcurrentHashMap<>();

		Recording() {
			for (var kind : Kind.values()) {
				kinds.put(kind, new AtomicLongArray(BUCKETS + 1));
			}
		}

		void add(Kind kind, long nanos, boolean ok, String error) {
			kinds.get(kind).incrementAndGet((int) Math.min(BUCKETS, nanos / BUCKET_NANOS));
			if (!ok) {
				errors.incrementAndGet();
				if (firstErrors.size() < 10 || firstErrors.containsKey(error)) {
					firstErrors.merge(error, 1L, Long::sum);
				}
			}
		}

		Latencies of(Kind kind) {
			return new Latencies(List.of(kinds.get(kind)));
		}

		Latencies all() {
			return new Latencies(new ArrayList<>(kinds.values()));
		}

		record Latencies(List<AtomicLongArray> histograms) {

			long count() {
				var count = 0L;
				for (var histogram : histograms) {
					for (var i = 0; i <= BUCKETS; i++) {
						count += histogram.get(i);
					}
				}
				return count;
			}

			/** The upper edge of the bucket holding the fraction's sample, in nanoseconds; -1 without samples. */
			long percentile(double fraction) {
				var count = count();
				if (count == 0) {
					return -1;
				}
				var rank = (long) Math.ceil(fraction * count);
				var seen = 0L;
				for (var i = 0; i <= BUCKETS; i++) {
					for (var histogram : histograms) {
						seen += histogram.get(i);
					}
					if (seen >= rank) {
						return (i + 1) * BUCKET_NANOS;
					}
				}
				return (BUCKETS + 1) * BUCKET_NANOS;
			}

			long max() {
				for (var i = BUCKETS; i >= 0; i--) {
					for (var histogram : histograms) {
						if (histogram.get(i) > 0) {
							return (i + 1) * BUCKET_NANOS;
						}
					}
				}
				return -1;
			}
		}
	}
}
