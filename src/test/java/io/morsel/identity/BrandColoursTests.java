package io.morsel.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.morsel.shared.InvalidValueException;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BrandColoursTests {

	private static final BrandColour WHITE = new BrandColour("#ffffff");

	@Test
	void contrastIsWcagsRatioOfRelativeLuminances() {
		assertThat(new BrandColour("#000000").contrastWith(WHITE)).isCloseTo(21.0, within(0.001));
		assertThat(WHITE.contrastWith(WHITE)).isCloseTo(1.0, within(0.001));
		// #767676 is the lightest grey that passes 4.5:1 on white, a figure WebAIM and others quote.
		assertThat(new BrandColour("#767676").contrastWith(WHITE)).isCloseTo(4.54, within(0.01));
		assertThat(new BrandColour("#777777").contrastWith(WHITE)).isLessThan(4.5);
		assertThat(new BrandColour("#1f5f8b").contrastWith(WHITE))
			.isCloseTo(WHITE.contrastWith(new BrandColour("#1f5f8b")), within(1e-12));
	}

	@Test
	void aPaleprimaryColourIsRefusedNamingItsRatioAndWhatItIsUsedWith() {
		assertThatThrownBy(() -> new BrandColours(new BrandColour("#7fb3d5"), null))
			.isInstanceOf(InvalidValueException.class)
			.hasMessageContaining("The primary colour #7fb3d5 has a contrast ratio of 2.25:1 with the white text of "
					+ "buttons; it needs at least 4.5:1");
	}

	@Test
	void aPrimaryColourReadableOnWhiteButNotOnThePageGreyIsRefusedForTheGrey() {
		assertThatThrownBy(() -> new BrandColours(new BrandColour("#767676"), null))
			.hasMessageContaining("4.18:1 with the page's light grey background");
	}

	@Test
	void anAccentNeedsTheThreeToOneOfShapes() {
		assertThat(new BrandColours(null, new BrandColour("#b5462a")).accent()).isNotNull();
		assertThatThrownBy(() -> new BrandColours(null, new BrandColour("#f0a0a0")))
			.hasMessageContaining("The accent colour #f0a0a0 has a contrast ratio of 2.05:1")
			.hasMessageContaining("at least 3:1");
	}

	@Test
	void morselsOwnColoursAndDarkBrandsPass() {
		assertThat(new BrandColours(new BrandColour("#1f5f8b"), new BrandColour("#1f5f8b")).primaryDark())
			.isEqualTo(new BrandColour("#174768"));
		assertThat(new BrandColours(new BrandColour("#7A1F5C"), new BrandColour("#0b7a75")).primary())
			.isEqualTo(new BrandColour("#7a1f5c"));
	}

	@Test
	void onlyHashAndSixHexDigitsAreAColour() {
		for (var typed : new String[] { "red", "#fff", "#12345g", "#1234567", "1f5f8b", "#1f5f8b;}body{x:y",
				"url(x)", "" }) {
			assertThatThrownBy(() -> new BrandColour(typed)).as(typed)
				.isInstanceOf(InvalidValueException.class)
				.hasMessageContaining("is not a colour");
		}
	}

	@Test
	void everyAcceptedPrimaryColourMeetsTheTextRatioOnEveryBackgroundItIsUsedWith() {
		var random = new Random(14);
		var accepted = 0;
		for (var i = 0; i < 5_000; i++) {
			var colour = new BrandColour(String.format(Locale.ROOT, "#%06x", random.nextInt(0x1000000)));
			try {
				var colours = new BrandColours(colour, colour);
				accepted++;
				assertThat(colour.contrastWith(BrandColours.WHITE)).isGreaterThanOrEqualTo(4.5);
				assertThat(colour.contrastWith(BrandColours.PAGE)).isGreaterThanOrEqualTo(4.5);
				assertThat(colours.primaryDark().contrastWith(BrandColours.BADGE)).isGreaterThanOrEqualTo(4.5);
			}
			catch (InvalidValueException refused) {
				assertThat(Math.min(colour.contrastWith(BrandColours.WHITE), colour.contrastWith(BrandColours.PAGE)))
					.as(colour + " was refused")
					.isLessThan(4.5);
			}
		}
		assertThat(accepted).as("some random colours are dark enough").isBetween(500, 4_500);
	}
}
