package io.morsel.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Pages of a long list as the URL asks for them, and what a pager shows of them. */
class PageTests {

	private static final List<Integer> ROWS = IntStream.rangeClosed(1, 2340).boxed().toList();

	@Test
	void absentParametersAskForTheFirstPageOfTheDefaultSize() {
		assertThat(PageRequest.of(null, "")).isEqualTo(new PageRequest(1, PageRequest.DEFAULT_SIZE));
	}

	@Test
	void refusesNumbersBelowOneAndWhatIsNoWholeNumber() {
		assertThatThrownBy(() -> PageRequest.of("0", null)).isInstanceOf(InvalidValueException.class)
			.hasMessage("The page of a list counts from 1, not 0");
		assertThatThrownBy(() -> PageRequest.of("-2", null)).hasMessage("The page of a list counts from 1, not -2");
		assertThatThrownBy(() -> PageRequest.of("two", null)).hasMessage("The page of a list is a whole number, not 'two'");
		assertThatThrownBy(() -> PageRequest.of("3000000000", null)).isInstanceOf(InvalidValueException.class);
		assertThatThrownBy(() -> PageRequest.of(null, "0")).hasMessage("The size of a list's page counts from 1, not 0");
		assertThatThrownBy(() -> PageRequest.of(null, "1.5")).isInstanceOf(InvalidValueException.class);
	}

	@Test
	void capsTheSize() {
		assertThat(PageRequest.of("1", "100000").size()).isEqualTo(PageRequest.MAX_SIZE);
	}

	@Test
	void saysWhichRowsItShowsOfHowMany() {
		var second = Page.of(ROWS, PageRequest.of("2", null));

		assertThat(second.items()).startsWith(51).endsWith(100);
		assertThat(second.first()).isEqualTo(51);
		assertThat(second.last()).isEqualTo(100);
		assertThat(second.total()).isEqualTo(2340);
		assertThat(second.lastNumber()).isEqualTo(47);
		assertThat(second.hasPrevious()).isTrue();
		assertThat(second.hasNext()).isTrue();
	}

	@Test
	void aPagePastTheEndIsReadAgainAsTheLastPage() {
		var past = Page.within(PageRequest.of("99", null), request -> Page.of(ROWS, request));

		assertThat(past.number()).isEqualTo(47);
		assertThat(past.items()).startsWith(2301).endsWith(2340);
		assertThat(past.hasNext()).isFalse();
		assertThat(Page.within(PageRequest.of("3", null), request -> Page.of(List.of(), request)).isEmpty()).isTrue();
	}

	@Test
	void thePagerLinksTheEndsAndTheNeighboursWithGapsBetween() {
		assertThat(Page.of(ROWS, new PageRequest(10, 50)).numbers()).containsExactly(1, 0, 8, 9, 10, 11, 12, 0, 47);
		assertThat(Page.of(ROWS, new PageRequest(2, 50)).numbers()).containsExactly(1, 2, 3, 4, 0, 47);
		assertThat(Page.of(ROWS.subList(0, 10), new PageRequest(1, 50)).numbers()).containsExactly(1);
	}
}
