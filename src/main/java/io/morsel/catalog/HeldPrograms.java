package io.morsel.catalog;

import io.morsel.identity.OrganisationId;
import io.morsel.identity.UserId;
import java.util.Set;

/**
 * The programs a learner holds: assigned to them (directly or through a group) or joined. Learning keeps enrolments and
 * offers one of these as a bean, so that the catalog can tell what a partner may see without reading its tables.
 */
public interface HeldPrograms {

	Set<ProgramId> of(OrganisationId organisation, UserId user);
}
