package io.morsel.identity;

/**
 * How much of the organisation's programs a member may see. The organisation's own people see what the catalog's
 * rules show everyone; partners, the members of an external {@link Group} (admins aside, who run the organisation),
 * see only the programs assigned to them, and the open ones once the organisation lets partners see those. Asked
 * through {@link Directory#reach}; the catalog turns it into the programs and lessons a member may open.
 */
public enum ProgramReach {

	/** Not a partner: every program the catalog's rules show. */
	ALL,

	/** A partner: the programs assigned to them (directly or through a group). */
	ASSIGNED,

	/** A partner whose organisation lets partners see open programs: those assigned to them, and the open ones. */
	ASSIGNED_AND_OPEN;

	/** Whether the member is a partner, whose sight is narrowed. */
	public boolean narrowed() {
		return this != ALL;
	}
}
