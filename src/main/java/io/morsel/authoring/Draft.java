package io.morsel.authoring;

import org.jspecify.annotations.Nullable;

/**
 * A block form the editor shows again, unsaved, as its author left it: after a row button of a question, or refused
 * with the reason. {@code section} names the form on the editor page ({@code b<index>} for a block,
 * {@code new-<kind or question type>} for a new one); every other form shows what is saved.
 */
public record Draft(String section, @Nullable BlockForm form, @Nullable String error) {

	/** No form to show again. */
	static final Draft NONE = new Draft("", null, null);

	/** Whether this draft belongs to the form of {@code section}, which then opens. */
	public boolean in(String section) {
		return form != null && this.section.equals(section);
	}

	/** The form of {@code section}: this draft's when it belongs there, else {@code saved}. */
	public @Nullable BlockForm form(String section, @Nullable BlockForm saved) {
		return in(section) ? form : saved;
	}

	/** The question form of {@code section}: this draft's when the author sent it, else {@code saved}. */
	public QuestionForm question(String section, QuestionForm saved) {
		return in(section) && form.question() != null ? form.question() : saved;
	}

	/** Whether the author sent the question of {@code section} as JSON, whose form then opens. */
	public boolean json(String section) {
		return in(section) && form.interaction() != null;
	}

	/** The JSON of {@code section}: this draft's when the author sent it, else {@code saved}. */
	public @Nullable String json(String section, @Nullable String saved) {
		return json(section) ? form.interaction() : saved;
	}

	/** Why the form of {@code section} was refused; {@code json} tells the advanced JSON form from the others. */
	public @Nullable String error(String section, boolean json) {
		return in(section) && json == (form.interaction() != null) ? error : null;
	}
}
