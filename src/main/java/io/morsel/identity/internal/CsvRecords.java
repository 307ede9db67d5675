package io.morsel.identity.internal;

import io.morsel.shared.InvalidValueException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV text as RFC 4180 defines it: records end with CRLF (or a bare LF or CR, as spreadsheets on other systems
 * write them), fields are separated by commas, a quoted field may hold commas, line breaks and doubled quotes. A byte
 * order mark at the start is skipped, blank lines are left out, and each record keeps the line it started on, so an
 * error report can name it.
 */
final class CsvRecords {

	/** One record: its fields, and the line of the text it starts on (1 for the first). */
	record Record(int line, List<String> fields) {

		Record {
			fields = List.copyOf(fields);
		}
	}

	private CsvRecords() {
	}

	/** @throws InvalidValueException when a quoted field is never closed, or a quote stands inside a bare field */
	static List<Record> read(String text) {
		var records = new ArrayList<Record>();
		var fields = new ArrayList<String>();
		var field = new StringBuilder();
		var i = text.startsWith("\uFEFF") ? 1 : 0;
		var line = 1;
		var recordLine = 1;
		var quoted = false;
		var fieldStarted = false;
		while (i < text.length()) {
			var c = text.charAt(i);
			if (quoted) {
				if (c == '"') {
					if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
						field.append('"');
						i += 2;
						continue;
					}
					quoted = false;
					i++;
					if (i < text.length() && ",\r\n".indexOf(text.charAt(i)) < 0) {
						throw new InvalidValueException("identity.refused.csv-closing-quote-ends-field", line);
					}
					continue;
				}
				if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
					line++;
				}
				field.append(c);
				i++;
				continue;
			}
			if (c == '"') {
				if (fieldStarted) {
					throw new InvalidValueException("identity.refused.csv-quote-inside-field", line);
				}
				quoted = true;
				fieldStarted = true;
				i++;
				continue;
			}
			if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
				fieldStarted = false;
				i++;
				continue;
			}
			if (c == '\r' || c == '\n') {
				i += c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? 2 : 1;
				fields.add(field.toString());
				add(records, recordLine, fields);
				fields = new ArrayList<>();
				field.setLength(0);
				fieldStarted = false;
				line++;
				recordLine = line;
				continue;
			}
			field.append(c);
			fieldStarted = true;
			i++;
		}
		if (quoted) {
			throw new InvalidValueException("identity.refused.csv-quoted-field-never-closed", recordLine);
		}
		if (fieldStarted || !fields.isEmpty()) {
			fields.add(field.toString());
			add(records, recordLine, fields);
		}
		return records;
	}

	private static void add(List<Record> records, int line, List<String> fields) {
		if (fields.size() == 1 && fields.getFirst().isEmpty()) {
			return;
		}
		records.add(new Record(line, fields));
	}
}
