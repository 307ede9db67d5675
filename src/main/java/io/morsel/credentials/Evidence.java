package io.morsel.credentials;

/**
 * What an award rests on, as the credential's Open Badges Evidence says it: a name and a narrative. For an award by
 * mastery, one per skill with the figures reinforcement measured; for an award by hand, the admin's reason.
 */
public record Evidence(String name, String narrative) {
}
