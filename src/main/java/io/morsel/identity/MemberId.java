package io.morsel.identity;

import java.io.Serializable;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identifies one membership: a user in one organisation. */
public record MemberId(@JsonValue UUID value) implements Serializable {

	@JsonCreator
	public MemberId {
	}

	public static MemberId random() {
		return new MemberId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
