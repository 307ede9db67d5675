package io.morsel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The edge's rules as properties over seeded generated text, dates and content types: reproducible by the seed. */
class InputRulesTests {

	private static final long SEED = 20261130L;
	private static final String[] PARTS = { "application", "multipart", "text", "*", "", "application/json", "form-data",
			"/", ";", "boundary=", "charset=", "\"", "utf-8", "nope", "x", " ", "=", "\"\"" };

	private final Random random = new Random(SEED);

	@Test
	void textWithTabsAndBreaksButNoOtherControlCharacterIsAccepted() {
		for (int i = 0; i < 300; i++) {
			var text = new StringBuilder();
			for (int n = random.nextInt(200); n > 0; n--) {
				var c = (char) (' ' + random.nextInt(0xFFFD - ' '));
				text.append(Character.isISOControl(c) || Character.isSurrogate(c) ? 'x' : c);
			}
			text.insert(random.nextInt(text.length() + 1), "\t\n\r".charAt(random.nextInt(3)));
			assertThat(ControlCharacters.refused(text.toString())).as(text.toString()).isEqualTo(-1);
		}
	}

	@Test
	void anyOtherControlCharacterIsFoundWhereverItIs() {
		for (int i = 0; i < 300; i++) {
			char control;
			do {
				control = (char) (random.nextBoolean() ? random.nextInt(0x20) : 0x7F + random.nextInt(0x21));
			}
			while (control == '\t' || control == '\n' || control == '\r');
			var text = "a".repeat(random.nextInt(50)) + control + "b".repeat(random.nextInt(50));
			assertThat(ControlCharacters.refused(text)).isEqualTo(control);
		}
	}

	@Test
	void theReasonNamesAnyFieldVerbatim() {
		assertThat(ControlCharacters.reason("%s%n%d", 0)).startsWith("The field '%s%n%d' contains the control character U+0000");
	}

	@Test
	void datesAreWithinTheRangeExactlyWhenTheirYearIs() {
		for (int i = 0; i < 300; i++) {
			var year = random.nextInt(200_001) - 100_000;
			var date = LocalDate.ofYearDay(year, 1 + random.nextInt(365));
			assertThat(DateRange.within(date)).isEqualTo(year >= DateRange.FIRST_YEAR && year <= DateRange.LAST_YEAR);
			assertThat(DateRange.within(date.atStartOfDay(ZoneOffset.UTC).toInstant())).isEqualTo(DateRange.within(date));
		}
	}

	@Test
	void noContentTypeMakesTheCheckFail() {
		for (int i = 0; i < 300; i++) {
			var type = new StringBuilder();
			for (int n = random.nextInt(9); n > 0; n--) {
				type.append(PARTS[random.nextInt(PARTS.length)]);
			}
			ContentTypes.refusal(type.toString());
		}
		assertThat(ContentTypes.refusal("multipart/form-data")).contains("boundary");
		assertThat(ContentTypes.refusal("application/*")).contains("one type");
		assertThat(ContentTypes.refusal("application/json; charset=utf-8")).isNull();
	}
}
