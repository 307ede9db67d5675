package io.morsel.identity;

import org.jspecify.annotations.Nullable;

/**
 * How an organisation's pages look: its colours and whether it has a logo. {@code version} changes with every change,
 * so that the logo's address, and any page kept with the brand in its key, change with it.
 */
public record Brand(BrandColours colours, @Nullable String logoType, long version) {

	public static final Brand MORSEL = new Brand(BrandColours.MORSEL, null, 0);

	public boolean hasLogo() {
		return logoType != null;
	}

	/**
	 * The custom properties that put the colours in place of Morsel's ({@code --brand}, {@code --brand-dark},
	 * {@code --accent}), as a style sheet's rule; empty for Morsel's own. Only checked {@code #rrggbb} values go in.
	 */
	public String css() {
		var rule = new StringBuilder();
		if (colours.primary() != null) {
			rule.append("--brand:").append(colours.primary()).append(";--brand-dark:").append(colours.primaryDark())
				.append(';');
		}
		if (colours.accent() != null) {
			rule.append("--accent:").append(colours.accent()).append(';');
		}
		return rule.isEmpty() ? "" : ":root{" + rule + "}";
	}
}
