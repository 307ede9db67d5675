package io.morsel.learning.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The team table as CSV (RFC 4180): a header line, then one line per row, lines ended by CRLF. A field with a comma,
 * a quote or a line break is quoted, its quotes doubled. A field starting with {@code = + - @}, a tab or a carriage
 * return gets a leading apostrophe, so a spreadsheet shows it as text instead of running it as a formula (a name or a
 * program title is anyone's text).
 */
final class TeamCsv {

	private static final List<String> HEADER = List.of("Name", "Email", "Program", "Status", "Completed lessons",
			"Total lessons", "Due", "Overdue", "Last activity", "Average score", "Reminded");

	private TeamCsv() {
	}

	static String of(TeamTable table, ZoneId zone) {
		var csv = new StringBuilder();
		line(csv, HEADER);
		var times = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(zone);
		for (var row : table.rows()) {
			var a = row.assignment();
			var score = a.averageScore();
			line(csv, List.of(row.person().name(), row.person().email(), a.title(),
					a.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
					Integer.toString(a.completedLessons()), Integer.toString(a.totalLessons()),
					time(times, a.dueAt()), Boolean.toString(a.overdue()), time(times, a.lastActivityAt()),
					score.isPresent() ? Long.toString(Math.round(100 * score.getAsDouble())) + "%" : "",
					time(times, a.remindedAt())));
		}
		return csv.toString();
	}

	private static String time(DateTimeFormatter format, @Nullable Instant instant) {
		return instant == null ? "" : format.format(instant);
	}

	private static void line(StringBuilder csv, List<String> fields) {
		for (var i = 0; i < fields.size(); i++) {
			if (i > 0) {
				csv.append(',');
			}
			csv.append(field(fields.get(i)));
		}
		csv.append("\r\n");
	}

	static String field(String value) {
		var text = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
		if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
			return text;
		}
		return '"' + text.replace("\"", "\"\"") + '"';
	}
}
