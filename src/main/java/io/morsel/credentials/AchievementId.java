package io.morsel.credentials;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identifies one of an organisation's achievements. */
public record AchievementId(@JsonValue UUID value) {

	@JsonCreator
	public AchievementId {
	}

	public static AchievementId random() {
		return new AchievementId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
