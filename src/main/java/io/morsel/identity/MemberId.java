package io.morsel.identity;

import java.io.Serializable;
import java.util.UUID;

/** Identifies one membership: a user in one organisation. */
public record MemberId(UUID value) implements Serializable {

	public static MemberId random() {
		return new MemberId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
