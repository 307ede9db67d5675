package io.morsel.learning.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TeamCsvTests {

	@Test
	void plainTextStaysAsItIs() {
		assertThat(TeamCsv.field("Ada Lovelace")).isEqualTo("Ada Lovelace");
		assertThat(TeamCsv.field("")).isEmpty();
	}

	@Test
	void commasQuotesAndLineBreaksAreQuotedWithQuotesDoubled() {
		assertThat(TeamCsv.field("Launch, fast")).isEqualTo("\"Launch, fast\"");
		assertThat(TeamCsv.field("The \"new\" way")).isEqualTo("\"The \"\"new\"\" way\"");
		assertThat(TeamCsv.field("two\nlines")).isEqualTo("\"two\nlines\"");
		assertThat(TeamCsv.field("cr\rhere")).isEqualTo("\"cr\rhere\"");
	}

	@Test
	void aFieldThatASpreadsheetWouldRunAsAFormulaIsText() {
		assertThat(TeamCsv.field("=HYPERLINK(\"http://evil\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\"");
		assertThat(TeamCsv.field("+1")).isEqualTo("'+1");
		assertThat(TeamCsv.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(TeamCsv.field("a=b")).isEqualTo("a=b");
	}
}
