package io.morsel.catalog;

import io.morsel.shared.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A skill as an author describes it, through the API or the studio's form: both validate this record, so both
 * accept and refuse the same input.
 */
public record NewSkill(@NotBlank @Size(max = 80) @PlainText String name, @Size(max = 1000) @Nullable String description,
		@Size(max = 60) @PlainText @Nullable String frameworkCode) {
}
