package io.morsel.identity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identifies a group of members within an organisation. */
public record GroupId(@JsonValue UUID value) {

	@JsonCreator
	public GroupId {
	}

	public static GroupId random() {
		return new GroupId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
