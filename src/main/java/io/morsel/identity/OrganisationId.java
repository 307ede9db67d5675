package io.morsel.identity;

import java.io.Serializable;
import java.util.UUID;

/** Identifies an organisation, the tenant every row of tenant data belongs to. */
public record OrganisationId(UUID value) implements Serializable {

	public static OrganisationId random() {
		return new OrganisationId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
