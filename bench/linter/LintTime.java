import io.morsel.authoring.ObjectiveLinter;

/** The objective linter's first check (its English models read), the heap they take, and a check once warm. */
public class LintTime {

	private static final String[] OBJECTIVES = { "Learners will be able to understand the report builder.",
			"List the three plans and explain when each fits.", "Describe how pricing and packaging differ.",
			"Calculate the margin of an order with two discounts.", "Plan, record and edit a podcast episode." };

	public static void main(String[] args) {
		var runtime = Runtime.getRuntime();
		System.gc();
		var before = runtime.totalMemory() - runtime.freeMemory();
		var linter = new ObjectiveLinter();
		var started = System.nanoTime();
		linter.check("List the plans.", "en");
		System.out.printf("first check (models read): %.0f ms%n", (System.nanoTime() - started) / 1e6);
		System.gc();
		System.out.printf("heap after reading the models: +%.1f MB%n",
				(runtime.totalMemory() - runtime.freeMemory() - before) / 1e6);
		for (var i = 0; i < 5_000; i++) {
			linter.check(OBJECTIVES[i % OBJECTIVES.length], "en");
		}
		var checks = 20_000;
		started = System.nanoTime();
		for (var i = 0; i < checks; i++) {
			linter.check(OBJECTIVES[i % OBJECTIVES.length], "en");
		}
		System.out.printf("one check, warm: %.0f µs%n", (System.nanoTime() - started) / 1e3 / checks);
	}
}
