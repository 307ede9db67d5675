package io.morsel.credentials;

/**
 * What a status list's bits mean (W3C Bitstring Status List v1.0, {@code statusPurpose}): a set revocation bit is
 * permanent; a suspension bit can be cleared again. Every credential Morsel issues has an entry in one list of each.
 */
public enum StatusPurpose {

	REVOCATION("revocation"), SUSPENSION("suspension");

	private final String word;

	StatusPurpose(String word) {
		this.word = word;
	}

	/** The purpose as the specification spells it, in credentials and in the database. */
	public String word() {
		return word;
	}

	static StatusPurpose of(String word) {
		for (var purpose : values()) {
			if (purpose.word.equals(word)) {
				return purpose;
			}
		}
		throw new IllegalStateException("No status purpose " + word);
	}
}
