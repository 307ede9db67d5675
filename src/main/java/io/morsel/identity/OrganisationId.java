package io.morsel.identity;

import java.io.Serializable;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identifies an organisation, the tenant every row of tenant data belongs to. */
public record OrganisationId(@JsonValue UUID value) implements Serializable {

	@JsonCreator
	public OrganisationId {
	}

	public static OrganisationId random() {
		return new OrganisationId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
