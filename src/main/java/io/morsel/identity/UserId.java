package io.morsel.identity;

import java.io.Serializable;
import java.util.UUID;

/** Identifies a person; the same person may be a member of several organisations. */
public record UserId(UUID value) implements Serializable {

	public static UserId random() {
		return new UserId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
