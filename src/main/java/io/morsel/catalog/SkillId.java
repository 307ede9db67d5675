package io.morsel.catalog;

import java.util.UUID;

/** Identifies one of an organisation's skills. */
public record SkillId(UUID value) {

	public static SkillId random() {
		return new SkillId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
