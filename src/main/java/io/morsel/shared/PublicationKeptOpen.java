package io.morsel.shared;

/**
 * Thrown by an asynchronous event listener to leave its event publication incomplete on purpose, so that it is
 * resubmitted later (for instance while another node holds the work). It is not a fault: Spring Modulith records the
 * publication as failed and logs that at INFO, and {@link AsynchronousFailures} does not log it again as an error.
 */
public abstract class PublicationKeptOpen extends RuntimeException {

	protected PublicationKeptOpen(String message) {
		super(message, null, false, false);
	}
}
