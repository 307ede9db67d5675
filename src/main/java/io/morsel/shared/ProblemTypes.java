package io.morsel.shared;

import java.net.URI;

/** Stable {@code type} URIs of the RFC 9457 problem details Morsel answers with; each is described in docs/api.md. */
public final class ProblemTypes {

	public static final URI VALIDATION = URI.create("/problems/validation");
	public static final URI MALFORMED_BODY = URI.create("/problems/malformed-body");
	public static final URI BODY_TOO_LARGE = URI.create("/problems/body-too-large");
	public static final URI UNSUPPORTED_MEDIA_TYPE = URI.create("/problems/unsupported-media-type");
	public static final URI NOT_FOUND = URI.create("/problems/not-found");
	public static final URI METHOD_NOT_ALLOWED = URI.create("/problems/method-not-allowed");
	public static final URI UNAUTHENTICATED = URI.create("/problems/unauthenticated");
	public static final URI FORBIDDEN = URI.create("/problems/forbidden");
	public static final URI INVALID_CREDENTIALS = URI.create("/problems/invalid-credentials");
	public static final URI TOO_MANY_ATTEMPTS = URI.create("/problems/too-many-attempts");
	public static final URI CONFLICT = URI.create("/problems/conflict");
	public static final URI IN_USE = URI.create("/problems/in-use");
	public static final URI PRECONDITION_REQUIRED = URI.create("/problems/precondition-required");
	public static final URI PRECONDITION_FAILED = URI.create("/problems/precondition-failed");
	public static final URI NOT_PUBLISHABLE = URI.create("/problems/not-publishable");
	public static final URI IDEMPOTENCY_KEY_REUSED = URI.create("/problems/idempotency-key-reused");
	public static final URI SERVER_ERROR = URI.create("/problems/server-error");
	public static final URI DATABASE_UNAVAILABLE = URI.create("/problems/database-unavailable");
	public static final URI BUSY = URI.create("/problems/busy");

	private ProblemTypes() {
	}
}
