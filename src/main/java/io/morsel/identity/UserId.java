package io.morsel.identity;

import java.io.Serializable;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identifies a person; the same person may be a member of several organisations. */
public record UserId(@JsonValue UUID value) implements Serializable {

	@JsonCreator
	public UserId {
	}

	public static UserId random() {
		return new UserId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
