package io.morsel;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.metrics.jfr.FlightRecorderApplicationStartup;

/** Morsel: microlearning and micro-credentials in one deployable application. */
@SpringBootApplication
public class MorselApplication {

	public static void main(String[] args) {
		var application = new SpringApplication(MorselApplication.class);
		if (Boolean.getBoolean("morsel.startup-steps")) {
			// Each step of the context's start (every bean made, with its time) as a JFR event, for a recording started
			// with the JVM: where a start's time goes (STEPS=1 bench/start, bench/README.md).
			application.setApplicationStartup(new FlightRecorderApplicationStartup());
		}
		application.run(args);
	}

	/** The one clock every module reads the time from. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}
}
