package io.morsel.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identifies one of an organisation's skills. */
public record SkillId(@JsonValue UUID value) {

	@JsonCreator
	public SkillId {
	}

	public static SkillId random() {
		return new SkillId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
