package io.morsel.identity;

import io.morsel.shared.InvalidValueException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What a person typed to find members, and the role they narrowed to: part of a name or of an email, matched without
 * regard to case or accents ("zoe" finds Zoë), and a role (none: every role). An empty text finds everyone.
 */
public record PeopleSearch(String text, @Nullable Role role) {

	public static final int MAX_LENGTH = 100;

	public static final PeopleSearch EVERYONE = new PeopleSearch("", null);

	public PeopleSearch {
		text = text == null ? "" : text.strip();
		if (text.length() > MAX_LENGTH) {
			throw new InvalidValueException("identity.refused.search-at-most", MAX_LENGTH);
		}
	}

	public static PeopleSearch of(@Nullable String text) {
		return new PeopleSearch(text == null ? "" : text, null);
	}

	public boolean everyone() {
		return text.isEmpty() && role == null;
	}

	/**
	 * The letters with accents that a search folds, each onto the letter at the same place in {@link #FOLDED_TO}: Java
	 * folds the typed text with them and SQL's {@code TRANSLATE} the stored names, so both sides fold alike on H2 and
	 * on PostgreSQL (whose {@code unaccent} is an extension, and whose {@code LOWER} leaves accented capitals alone in
	 * the C locale, hence the capitals here).
	 */
	public static final String FOLDED_FROM = "àáâãäåāăąçćčďèéêëēėęěìíîïīįıñńňòóôõöøōőřśšşťùúûüūůűųýÿźżž"
			+ "ÀÁÂÃÄÅĀĂĄÇĆČĎÈÉÊËĒĖĘĚÌÍÎÏĪĮİÑŃŇÒÓÔÕÖØŌŐŘŚŠŞŤÙÚÛÜŪŮŰŲÝŸŹŻŽ";

	public static final String FOLDED_TO = "aaaaaaaaacccdeeeeeeeeiiiiiiinnnoooooooorssstuuuuuuuuyyzzz"
			+ "aaaaaaaaacccdeeeeeeeeiiiiiiinnnoooooooorssstuuuuuuuuyyzzz";

	/** The text as the database compares it: lower case, the accents of {@link #FOLDED_FROM} taken off. */
	public String folded() {
		return fold(text);
	}

	static String fold(String text) {
		var folded = new StringBuilder(text.length());
		for (var c : text.toLowerCase(Locale.ROOT).toCharArray()) {
			var at = FOLDED_FROM.indexOf(c);
			folded.append(at < 0 ? c : FOLDED_TO.charAt(at));
		}
		return folded.toString();
	}
}
