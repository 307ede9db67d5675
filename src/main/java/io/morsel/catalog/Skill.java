package io.morsel.catalog;

import org.jspecify.annotations.Nullable;

/** A skill an organisation develops, optionally mapped to an external framework's code. */
public record Skill(SkillId id, String name, @Nullable String description, @Nullable String frameworkCode) {
}
