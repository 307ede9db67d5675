package io.morsel.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** What an operator reads in the log when an asynchronous listener throws. */
@ExtendWith(OutputCaptureExtension.class)
class AsynchronousFailuresTests {

	@Test
	void aPublicationKeptOpenOnPurposeIsNotLoggedAsAnError(CapturedOutput output) throws Exception {
		AsynchronousFailures.log(new HeldElsewhere(), Listener.class.getDeclaredMethod("on", String.class), "event");

		assertThat(output.getAll()).doesNotContain("ERROR").doesNotContain("held by another node");
	}

	@Test
	void anythingElseIsAnErrorWithItsStackTrace(CapturedOutput output) throws Exception {
		AsynchronousFailures.log(new IllegalStateException("the template is missing"),
				Listener.class.getDeclaredMethod("on", String.class), "event");

		assertThat(output.getAll()).contains("ERROR")
			.contains("Listener.on")
			.contains("java.lang.IllegalStateException: the template is missing")
			.contains("at ");
	}

	static final class HeldElsewhere extends PublicationKeptOpen {

		HeldElsewhere() {
			super("The mail is held by another node");
		}
	}

	static final class Listener {

		void on(String event) {
		}
	}
}
