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
 * accept and refuse the same input. {@code skills} must all be mastered and {@code achievements} all held;
 * {@code validDays}, when set, is how long each credential of it stays valid.
 */
public record NewAchievement(@NotBlank @Size(max = 120) @PlainText String name,
		@NotBlank @Size(max = 2000) String description, @NotBlank @Size(max = 2000) String criteria,
		@NotNull @Size(max = 50) List<UUID> skills, @NotNull @Size(max = 50) List<UUID> achievements,
		@NotNull @Size(max = 20) List<Alignment> alignments,
		@DecimalMin("0.0") @DecimalMax("1000.0") @Nullable BigDecimal creditHours,
		@Min(1) @Max(36500) @Nullable Integer validDays) {
}
