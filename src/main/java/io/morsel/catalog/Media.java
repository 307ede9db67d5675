package io.morsel.catalog;

import java.time.Instant;
import java.util.UUID;

/** An uploaded file of an organisation, referred to from lesson blocks by its id. Its bytes never change. */
public record Media(UUID id, String fileName, String contentType, long size, String sha256, Instant uploadedAt) {
}
