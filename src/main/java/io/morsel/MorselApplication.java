package io.morsel;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** Morsel: microlearning and micro-credentials in one deployable application. */
@SpringBootApplication
public class MorselApplication {

	public static void main(String[] args) {
		SpringApplication.run(MorselApplication.class, args);
	}

	/** The one clock every module reads the time from. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}
}
