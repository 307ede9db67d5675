package io.morsel.identity;

/**
 * A module's part of what Morsel keeps about one person, for the download of all their own data: a bean of this type
 * in the contributing module, so identity, which assembles the download, knows no other module. What it returns is
 * written as a JSON object under {@code modules.<part>}; it holds the person's own data only, never other people's.
 */
public interface PersonalData {

	/** The name of this part in the download ("learning"), unique among the parts. */
	String part();

	/** What the module keeps about this member, in the organisation they act in: a JSON-writable object (a record). */
	Object of(CurrentMember member);
}
