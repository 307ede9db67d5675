package io.morsel.credentials;

/**
 * Where an award stands, as its status list entries publish it: {@code ACTIVE}; {@code SUSPENDED}, by an admin or
 * because the mastery it rests on lapsed, until reinstated; {@code REVOKED}, for good.
 */
public enum AwardStatus {
	ACTIVE, SUSPENDED, REVOKED
}
