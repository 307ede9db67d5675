package io.morsel.credentials;

import io.morsel.shared.PlainText;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An achievement as an author describes it, through the API or the studio's form: both validate this record, so both
 * accept and refuse the same input. {@code skills} must all be mastered, {@code achievements} all held and
 * {@code programs} all completed, with a mean lesson score of {@code minimumScore} percent when set;
 * {@code validDays}, when set, is how long each credential of it stays valid; {@code graceDays} (30 when not set) how
 * long a holder whose mastery lapsed has to refresh it before the credential is suspended.
 */
public record NewAchievement(@NotBlank @Size(max = 120) @PlainText String name,
		@NotBlank @Size(max = 2000) String description, @NotBlank @Size(max = 2000) String criteria,
		@NotNull @Size(max = 50) List<UUID> skills, @NotNull @Size(max = 50) List<UUID> achievements,
		@NotNull @Size(max = 20) List<Alignment> alignments,
		@DecimalMin("0.0") @DecimalMax("1000.0") @Nullable BigDecimal creditHours,
		@Min(1) @Max(36500) @Nullable Integer validDays, @Nullable @Size(max = 50) List<UUID> programs,
		@Min(1) @Max(100) @Nullable Integer minimumScore, @Min(0) @Max(365) @Nullable Integer graceDays) {

	/** An achievement with the default grace period. */
	public NewAchievement(String name, String description, String criteria, List<UUID> skills, List<UUID> achievements,
			List<Alignment> alignments, @Nullable BigDecimal creditHours, @Nullable Integer validDays,
			@Nullable List<UUID> programs, @Nullable Integer minimumScore) {
		this(name, description, criteria, skills, achievements, alignments, creditHours, validDays, programs,
				minimumScore, null);
	}

	/** An achievement of skills and achievements only, no programs. */
	public NewAchievement(String name, String description, String criteria, List<UUID> skills, List<UUID> achievements,
			List<Alignment> alignments, @Nullable BigDecimal creditHours, @Nullable Integer validDays) {
		this(name, description, criteria, skills, achievements, alignments, creditHours, validDays, null, null, null);
	}
}
