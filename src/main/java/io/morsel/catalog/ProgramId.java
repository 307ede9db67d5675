package io.morsel.catalog;

import java.util.UUID;

/** Identifies a program: an ordered set of lessons with a business outcome. */
public record ProgramId(UUID value) {

	public static ProgramId random() {
		return new ProgramId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
