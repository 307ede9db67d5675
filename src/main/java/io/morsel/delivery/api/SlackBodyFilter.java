package io.morsel.delivery.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the body of Slack's interactivity requests exactly as it came, before any filter reads it as form parameters
 * (after which the servlet's stream is empty, and the signature, which covers the raw bytes, could not be checked):
 * the first filter of all, on that one path only.
 */
@Configuration(proxyBeanMethods = false)
class SlackBodyFilter {

	static final String RAW_BODY = SlackBodyFilter.class.getName() + ".body";

	/** Slack's own limit on an interaction's body is far below this. */
	static final int MOST = 64 * 1024;

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> slackRawBody() {
		var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
					FilterChain chain) throws ServletException, IOException {
				var body = request.getInputStream().readNBytes(MOST);
				request.setAttribute(RAW_BODY, body);
				chain.doFilter(new Replayed(request, body), response);
			}
		});
		registration.addUrlPatterns("/api/v1/channels/slack/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/** The request with its body readable again, from the bytes kept. */
	private static final class Replayed extends HttpServletRequestWrapper {

		private final byte[] body;

		Replayed(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			var in = new ByteArrayInputStream(body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("Read synchronously");
				}
			};
		}
	}
}
