package io.morsel.delivery;

import java.time.LocalTime;
import java.util.UUID;

/** A learner's subscription to a program as a series, as they see it. */
public record SeriesView(UUID programId, String title, int days, LocalTime at, String status, int daysSent) {
}
