package io.morsel.authoring;

import io.morsel.catalog.Program;
import org.jspecify.annotations.Nullable;

/** A program's details as the author typed them, kept on the page when they are refused. */
record ProgramForm(String title, String outcome, @Nullable String description, boolean selfEnrol) {

	ProgramForm(@Nullable String title, @Nullable String outcome, @Nullable String description, boolean selfEnrol) {
		this.title = title == null ? "" : title;
		this.outcome = outcome == null ? "" : outcome;
		this.description = description;
		this.selfEnrol = selfEnrol;
	}

	static ProgramForm empty() {
		return new ProgramForm("", "", null, true);
	}

	static ProgramForm of(Program program) {
		return new ProgramForm(program.title(), program.outcome(), program.description(), program.selfEnrol());
	}
}
