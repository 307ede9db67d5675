package io.morsel.learning.web;

import io.morsel.catalog.ProgramId;
import io.morsel.learning.AssignedProgress;
import io.morsel.learning.PersonProgress;
import io.morsel.learning.ProgramProgress.Status;
import io.morsel.shared.InvalidValueException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The team table: one row per person and program they are enrolled in, sorted by the column and direction the page's
 * links ask for (overdue first by default), and narrowed to a status or a program. Rows without a value in the sorted
 * column (no due date, no activity yet) stay last in either direction. Public for the template's expressions.
 */
public record TeamTable(List<Row> rows, Column sort, boolean descending, Shown shown, @Nullable ProgramId program,
		String search) {

	public TeamTable {
		rows = List.copyOf(rows);
	}

	public record Row(PersonProgress person, AssignedProgress assignment) {
	}

	/** What the table can be sorted by, as its links name it in {@code ?sort=}. */
	public enum Column {

		OVERDUE(Comparator.comparing(row -> !row.assignment().overdue()), null),
		NAME(Comparator.comparing(row -> row.person().name(), String.CASE_INSENSITIVE_ORDER), null),
		PROGRAM(Comparator.comparing(row -> row.assignment().title(), String.CASE_INSENSITIVE_ORDER), null),
		COMPLETION(Comparator.comparingInt(row -> row.assignment().percent()), null),
		DUE(null, row -> row.assignment().dueAt()),
		ACTIVITY(null, row -> row.assignment().lastActivityAt()),
		SCORE(null, row -> {
			var score = row.assignment().averageScore();
			return score.isPresent() ? score.getAsDouble() : null;
		});

		private final @Nullable Comparator<Row> order;
		private final @Nullable Function<Row, @Nullable Comparable<?>> value;

		Column(@Nullable Comparator<Row> order, @Nullable Function<Row, @Nullable Comparable<?>> value) {
			this.order = order;
			this.value = value;
		}

		public String param() {
			return name().toLowerCase(Locale.ROOT);
		}

		@SuppressWarnings({ "unchecked", "rawtypes" })
		Comparator<Row> order(boolean descending) {
			if (order != null) {
				return descending ? order.reversed() : order;
			}
			Comparator<Comparable> natural = Comparator.naturalOrder();
			return Comparator.comparing(row -> (Comparable) value.apply(row),
					Comparator.nullsLast(descending ? natural.reversed() : natural));
		}

		static Column of(String param) {
			return Arrays.stream(values())
				.filter(c -> c.param().equals(param))
				.findFirst()
				.orElseThrow(() -> new InvalidValueException("learning.refused.team-table-sorts-not",
						Arrays.stream(values()).map(Column::param).toList(), param));
		}
	}

	/** Which rows the table shows, as its filter names them in {@code ?show=}. */
	public enum Shown {

		ALL(row -> true),
		OVERDUE(row -> row.assignment().overdue()),
		NOT_STARTED(row -> row.assignment().status() == Status.NOT_STARTED),
		IN_PROGRESS(row -> row.assignment().status() == Status.IN_PROGRESS),
		COMPLETED(row -> row.assignment().status() == Status.COMPLETED);

		private final Predicate<Row> test;

		Shown(Predicate<Row> test) {
			this.test = test;
		}

		public String param() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

		static Shown of(String param) {
			return Arrays.stream(values())
				.filter(s -> s.param().equals(param))
				.findFirst()
				.orElseThrow(() -> new InvalidValueException("learning.refused.team-table-shows-not",
						Arrays.stream(values()).map(Shown::param).toList(), param));
		}
	}

	static TeamTable of(List<PersonProgress> team, Column sort, boolean descending, Shown shown,
			@Nullable ProgramId program) {
		return of(team, sort, descending, shown, program, "");
	}

	/**
	 * The team's rows, filtered and sorted; ties go by name, then by the program's order for that person. The search
	 * typed is kept for the links (the team is given already narrowed to it).
	 */
	static TeamTable of(List<PersonProgress> team, Column sort, boolean descending, Shown shown,
			@Nullable ProgramId program, String search) {
		var rows = team.stream()
			.flatMap(person -> person.programs().stream().map(assignment -> new Row(person, assignment)))
			.filter(shown.test)
			.filter(row -> program == null || row.assignment().programId().equals(program))
			.sorted(sort.order(descending)
				.thenComparing(row -> row.person().name(), String.CASE_INSENSITIVE_ORDER)
				.thenComparing(row -> row.person().memberId().value())
				.thenComparing(Row::assignment, AssignedProgress.OVERDUE_FIRST))
			.toList();
		return new TeamTable(rows, sort, descending, shown, program, search);
	}

	/** Whether the link of this column sorts descending next: a second click on the sorted column turns it round. */
	public boolean descendingNext(Column column) {
		return column == sort && !descending;
	}

	/** The query of the link on a column's heading: ascending, or turned round when it is the sorted column. */
	public String sortQuery(Column column) {
		return query(column, descendingNext(column));
	}

	/** The query of this very table, for its CSV download. */
	public String query() {
		return query(sort, descending);
	}

	/** The value of the column's {@code aria-sort}: none for columns the table is not sorted by. */
	public @Nullable String ariaSort(Column column) {
		return column != sort ? null : descending ? "descending" : "ascending";
	}

	// Every value but the search is an enum's parameter or a UUID: nothing to encode.
	private String query(Column column, boolean desc) {
		return "?sort=" + column.param() + "&dir=" + (desc ? "desc" : "asc") + "&show=" + shown.param()
				+ (program == null ? "" : "&program=" + program.value())
				+ (search.isEmpty() ? "" : "&q=" + URLEncoder.encode(search, StandardCharsets.UTF_8));
	}
}
