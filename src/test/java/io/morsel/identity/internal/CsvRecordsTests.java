package io.morsel.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.morsel.identity.internal.CsvRecords.Record;
import io.morsel.shared.InvalidValueException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CsvRecordsTests {

	@Test
	void readsRecordsEndedByAnyLineBreak() {
		assertThat(CsvRecords.read("email,name\r\na@x.test,Ada\nb@x.test,Bo\rc@x.test,Cy"))
			.extracting(Record::fields)
			.containsExactly(List.of("email", "name"), List.of("a@x.test", "Ada"), List.of("b@x.test", "Bo"),
					List.of("c@x.test", "Cy"));
	}

	@Test
	void quotedFieldsHoldCommasQuotesAndLineBreaks() {
		var records = CsvRecords.read("\"Lovelace, Ada\",\"says \"\"hi\"\"\",\"two\r\nlines\"\r\nnext,row,\"\"\r\n");

		assertThat(records.get(0).fields()).containsExactly("Lovelace, Ada", "says \"hi\"", "two\r\nlines");
		assertThat(records.get(1).fields()).containsExactly("next", "row", "");
		assertThat(records.get(1).line()).as("the line the record starts on").isEqualTo(3);
	}

	@Test
	void skipsAByteOrderMarkAndBlankLinesAndKeepsEmptyFields() {
		var records = CsvRecords.read("\uFEFFemail,name\n\n,\na@x.test,\n");

		assertThat(records).extracting(Record::line).containsExactly(1, 3, 4);
		assertThat(records.get(1).fields()).containsExactly("", "");
		assertThat(records.get(2).fields()).containsExactly("a@x.test", "");
	}

	@Test
	void refusesAQuoteNeverClosedOrOutOfPlace() {
		assertThatThrownBy(() -> CsvRecords.read("email\n\"a@x.test")).isInstanceOf(InvalidValueException.class)
			.hasMessageContaining("Line 2");
		assertThatThrownBy(() -> CsvRecords.read("a\"b,c")).isInstanceOf(InvalidValueException.class)
			.hasMessageContaining("Line 1");
		assertThatThrownBy(() -> CsvRecords.read("\"a\"b,c")).isInstanceOf(InvalidValueException.class);
	}

	@Test
	void readsBackWhatRfc4180QuotingWrites() {
		var random = new Random(4180);
		var alphabet = "ab ,\"\r\n;é";
		for (var round = 0; round < 500; round++) {
			var rows = new ArrayList<List<String>>();
			for (var r = 0; r < 1 + random.nextInt(4); r++) {
				var row = new ArrayList<String>();
				for (var f = 0; f < 1 + random.nextInt(4); f++) {
					var field = new StringBuilder("x");
					for (var k = 0; k < random.nextInt(6); k++) {
						field.append(alphabet.charAt(random.nextInt(alphabet.length())));
					}
					row.add(field.toString());
				}
				rows.add(row);
			}
			var text = new StringBuilder();
			for (var row : rows) {
				text.append(String.join(",", row.stream().map(f -> '"' + f.replace("\"", "\"\"") + '"').toList()))
					.append("\r\n");
			}

			assertThat(CsvRecords.read(text.toString())).extracting(Record::fields).as(text.toString())
				.containsExactlyElementsOf(rows);
		}
	}
}
