package io.morsel.shared;

import java.lang.reflect.Method;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.AsyncConfigurer;

/**
 * Logs what an {@code @Async} method threw. A {@link PublicationKeptOpen} is expected and already logged by Spring
 * Modulith, so it is logged only at DEBUG; anything else is an error, with its stack trace, as Spring's own handler
 * does.
 */
@Configuration(proxyBeanMethods = false)
class AsynchronousFailures implements AsyncConfigurer {

	private static final Logger log = LoggerFactory.getLogger(AsynchronousFailures.class);

	@Override
	public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
		return AsynchronousFailures::log;
	}

	static void log(Throwable failure, Method method, Object... arguments) {
		if (failure instanceof PublicationKeptOpen) {
			log.debug("{} left its event publication open: {}", method.getName(), failure.getMessage());
		}
		else {
			log.error("Unexpected exception in asynchronous method {}", method, failure);
		}
	}
}
