package io.morsel.catalog;

import java.util.UUID;

/** Identifies a lesson across all its versions. */
public record LessonId(UUID value) {

	public static LessonId random() {
		return new LessonId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
