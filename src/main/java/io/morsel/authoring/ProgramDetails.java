package io.morsel.authoring;

import io.morsel.catalog.Program;
import org.jspecify.annotations.Nullable;

/**
 * A program's details as the author sent them, from the studio's form or the API's body: kept on the page when they
 * are refused. Missing text counts as blank, which the catalog refuses with its rule.
 *
 * @param why the line learners read on why to take the program; null or blank for none
 */
public record ProgramDetails(String title, String outcome, @Nullable String description, boolean selfEnrol,
		@Nullable String why) {

	public ProgramDetails(@Nullable String title, @Nullable String outcome, @Nullable String description,
			boolean selfEnrol, @Nullable String why) {
		this.title = title == null ? "" : title;
		this.outcome = outcome == null ? "" : outcome;
		this.description = description;
		this.selfEnrol = selfEnrol;
		this.why = why;
	}

	/** Details without a line for learners. */
	public ProgramDetails(@Nullable String title, @Nullable String outcome, @Nullable String description,
			boolean selfEnrol) {
		this(title, outcome, description, selfEnrol, null);
	}

	static ProgramDetails empty() {
		return new ProgramDetails("", "", null, true, null);
	}

	static ProgramDetails of(Program program) {
		return new ProgramDetails(program.title(), program.outcome(), program.description(), program.selfEnrol(),
				program.why());
	}
}
