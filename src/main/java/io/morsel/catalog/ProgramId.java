package io.morsel.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identifies a program: an ordered set of lessons with a business outcome. */
public record ProgramId(@JsonValue UUID value) {

	@JsonCreator
	public ProgramId {
	}

	public static ProgramId random() {
		return new ProgramId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
