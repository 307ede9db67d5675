package io.morsel.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identifies a lesson across all its versions. */
public record LessonId(@JsonValue UUID value) {

	@JsonCreator
	public LessonId {
	}

	public static LessonId random() {
		return new LessonId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
