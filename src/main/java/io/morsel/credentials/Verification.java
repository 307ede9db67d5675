package io.morsel.credentials;

import java.util.List;

/**
 * What verifying a credential found: {@code verified} when no check failed. Each check is {@code signature},
 * {@code issuer}, {@code validity}, {@code status} or {@code schema}; its result {@code success}, {@code failure} or
 * {@code skipped} (nothing to check), with a message a person can act on.
 */
public record Verification(boolean verified, List<Check> checks) {

	public Verification {
		checks = List.copyOf(checks);
	}

	public record Check(String check, String result, String message) {

		static Check success(String check, String message) {
			return new Check(check, "success", message);
		}

		static Check failure(String check, String message) {
			return new Check(check, "failure", message);
		}

		static Check skipped(String check, String message) {
			return new Check(check, "skipped", message);
		}
	}

	static Verification of(List<Check> checks) {
		return new Verification(checks.stream().noneMatch(c -> c.result().equals("failure")), checks);
	}
}
