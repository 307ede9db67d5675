package io.morsel.authoring;

/**
 * An organisation's publishing rules for its authors. A lesson whose objective nothing assesses is never published;
 * with {@code objectivesBlockPublishing} a vague or double objective is refused at publishing too, instead of only
 * warned about.
 */
public record AuthoringPolicy(boolean objectivesBlockPublishing) {

	public static final AuthoringPolicy DEFAULT = new AuthoringPolicy(false);
}
