package io.morsel.catalog;

import io.morsel.identity.OrganisationId;
import java.util.List;

/**
 * Another module's records that name a program (enrolments, achievements, delivery rules): a program is deleted only
 * while none does. Each module that keeps program ids offers one of these as a bean, so the catalog asks without
 * reading other modules' tables.
 */
public interface ProgramReferences {

	/** What names the program, each in words an author can act on ("2 enrolments"); empty when nothing does. */
	List<String> of(OrganisationId organisation, ProgramId program);
}
