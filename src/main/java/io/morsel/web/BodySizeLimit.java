package io.morsel.web;

import io.morsel.shared.ProblemResponses;
import io.morsel.shared.ProblemTypes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps API request bodies: a declared length over the limit is refused before anything is read; a chunked body
 * fails as soon as it passes the limit, and the controller advice answers 413.
 */
@Component
class BodySizeLimit extends OncePerRequestFilter {

	private final long limit;
	private final ProblemResponses problems;

	BodySizeLimit(@Value("${morsel.api.max-body-size:256KB}") DataSize limit, ProblemResponses problems) {
		this.limit = limit.toBytes();
		this.problems = problems;
	}

	/** Whether a failure to read a body was this limit. */
	static boolean exceeded(Throwable failure) {
		for (var cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof TooLarge) {
				return true;
			}
		}
		return false;
	}

	/** Uploads have limits of their own (per kind of media, and spring.servlet.multipart). */
	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith("/api/") || request.getRequestURI().equals("/api/v1/media");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > limit) {
			problems.write(request, response, 413, ProblemTypes.BODY_TOO_LARGE, "problem.title.body-too-large",
					"The request body is larger than " + limit + " bytes.");
			return;
		}
		chain.doFilter(new Capped(request, limit), response);
	}

	static final class TooLarge extends IOException {

		TooLarge(long limit) {
			super("Request body larger than " + limit + " bytes");
		}
	}

	private static final class Capped extends HttpServletRequestWrapper {

		private final long limit;
		private ServletInputStream stream;

		Capped(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (stream == null) {
				stream = new CountingStream(super.getInputStream(), limit);
			}
			return stream;
		}
	}

	private static final class CountingStream extends ServletInputStream {

		private final ServletInputStream delegate;
		private final long limit;
		private long read;

		CountingStream(ServletInputStream delegate, long limit) {
			this.delegate = delegate;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			var b = delegate.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			var n = delegate.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws TooLarge {
			read += n;
			if (read > limit) {
				throw new TooLarge(limit);
			}
		}

		@Override
		public boolean isFinished() {
			return delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			delegate.setReadListener(listener);
		}
	}
}
