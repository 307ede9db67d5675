package io.morsel.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.morsel.shared.InvalidRequestException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A program's slug: the one rule every door checks it by, and how the studio and the API make one from a title. */
class ProgramSlugTests {

	@ParameterizedTest
	@ValueSource(strings = { "get-started", "a", "2026-onboarding", "q3-", "x--y" })
	void acceptsLowerCaseLettersDigitsAndDashes(String slug) {
		assertThat(new ProgramSlug(slug).value()).isEqualTo(slug);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "Get-Started", "get started", "-get-started", "get_started", "café", "get/started" })
	void refusesAnythingElseWithTheRuleInWords(String slug) {
		assertThatThrownBy(() -> new ProgramSlug(slug)).isInstanceOf(InvalidRequestException.class)
			.hasMessage("A program's slug is lower-case letters, digits and dashes, at most 60 characters");
	}

	@Test
	void refusesASlugOverSixtyCharacters() {
		assertThat(new ProgramSlug("a".repeat(60)).value()).hasSize(60);
		assertThatThrownBy(() -> new ProgramSlug("a".repeat(61))).isInstanceOf(InvalidRequestException.class);
	}

	@Test
	void refusesNoSlugAtAll() {
		assertThatThrownBy(() -> new ProgramSlug(null)).isInstanceOf(InvalidRequestException.class);
	}

	@Test
	void aTitleBecomesItsWordsInLowerCaseJoinedByDashes() {
		assertThat(ProgramSlug.fromTitle("Get started!")).isEqualTo(new ProgramSlug("get-started"));
		assertThat(ProgramSlug.fromTitle("  Q3: forecasts & ranges  ")).isEqualTo(new ProgramSlug("q3-forecasts-ranges"));
	}

	@Test
	void aTitleLosesItsAccentsButKeepsItsLetters() {
		assertThat(ProgramSlug.fromTitle("Café crème à Zürich")).isEqualTo(new ProgramSlug("cafe-creme-a-zurich"));
	}

	@Test
	void aTitleWithNothingToKeepBecomesProgram() {
		assertThat(ProgramSlug.fromTitle("!!!")).isEqualTo(new ProgramSlug("program"));
		assertThat(ProgramSlug.fromTitle("日本語")).isEqualTo(new ProgramSlug("program"));
	}

	@Test
	void aLongTitleIsCutAtFiftyCharactersWithoutATrailingDash() {
		var slug = ProgramSlug.fromTitle("Forecasting for account managers who review every quarter with finance");

		assertThat(slug.value()).hasSizeLessThanOrEqualTo(50).doesNotEndWith("-")
			.isEqualTo("forecasting-for-account-managers-who-review-every");
	}

	@Test
	void aNumberedSlugStaysWithinSixtyCharacters() {
		assertThat(new ProgramSlug("get-started").numbered(2)).isEqualTo(new ProgramSlug("get-started-2"));
		// Cut to make room for "-12", it would end in a dash, which goes too.
		var cut = new ProgramSlug("a".repeat(56) + "-bcd").numbered(12);

		assertThat(cut.value()).isEqualTo("a".repeat(56) + "-12");
		assertThat(new ProgramSlug("a".repeat(60)).numbered(123).value()).hasSize(60).endsWith("-123");
	}

	@Test
	void everyTitleMakesASlugTheRuleAccepts() {
		var random = new Random(20261130);
		var alphabet = "abcXYZ019 -_!?éÉüß日&/.'\t".toCharArray();
		for (var i = 0; i < 2_000; i++) {
			var title = new StringBuilder();
			for (var n = random.nextInt(120); n > 0; n--) {
				title.append(alphabet[random.nextInt(alphabet.length)]);
			}
			var slug = ProgramSlug.fromTitle(title.toString());
			assertThat(slug.value()).as(title.toString()).hasSizeLessThanOrEqualTo(50).doesNotEndWith("-");
			assertThat(slug.numbered(random.nextInt(1, 10_000)).value()).hasSizeLessThanOrEqualTo(ProgramSlug.MAX_LENGTH);
		}
	}
}
