package io.morsel.identity;

/** An organisation as other modules name it in public: on a credential's issuer profile, in its public URLs. */
public record OrganisationProfile(OrganisationId id, String slug, String name) {
}
