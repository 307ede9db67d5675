package io.morsel.learning.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.morsel.catalog.LessonId;
import io.morsel.catalog.ProgramId;
import io.morsel.identity.MemberId;
import io.morsel.identity.UserId;
import io.morsel.learning.AssignedProgress;
import io.morsel.learning.PersonProgress;
import io.morsel.learning.ProgramProgress.Status;
import io.morsel.learning.web.TeamTable.Column;
import io.morsel.learning.web.TeamTable.Shown;
import io.morsel.shared.InvalidValueException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class TeamTableTests {

	static final ProgramId ONBOARDING = new ProgramId(UUID.randomUUID());
	static final ProgramId SECURITY = new ProgramId(UUID.randomUUID());

	@Test
	void overdueRowsComeFirstByDefault() {
		var team = List.of(person("Ada", assignment(ONBOARDING, "Onboarding", Status.COMPLETED, false, null, null)),
				person("Bo", assignment(ONBOARDING, "Onboarding", Status.NOT_STARTED, true, null, null)));

		assertThat(names(TeamTable.of(team, Column.OVERDUE, false, Shown.ALL, null))).containsExactly("Bo", "Ada");
	}

	@Test
	void rowsWithoutAValueStayLastInEitherDirection() {
		var team = List.of(person("Ada", assignment(ONBOARDING, "Onboarding", Status.IN_PROGRESS, false, null, null)),
				person("Bo", assignment(ONBOARDING, "Onboarding", Status.IN_PROGRESS, false,
						Instant.parse("2026-11-01T00:00:00Z"), null)),
				person("Cy", assignment(ONBOARDING, "Onboarding", Status.IN_PROGRESS, false,
						Instant.parse("2026-11-20T00:00:00Z"), null)));

		assertThat(names(TeamTable.of(team, Column.DUE, false, Shown.ALL, null))).containsExactly("Bo", "Cy", "Ada");
		assertThat(names(TeamTable.of(team, Column.DUE, true, Shown.ALL, null))).containsExactly("Cy", "Bo", "Ada");
	}

	@Test
	void theOrderDoesNotDependOnTheOrderRowsCameIn() {
		var random = new Random(15);
		var team = new ArrayList<PersonProgress>();
		for (var i = 0; i < 40; i++) {
			var due = random.nextBoolean() ? null
					: Instant.ofEpochSecond(1_800_000_000L + random.nextInt(1000) * 3600L);
			team.add(person("P" + random.nextInt(10),
					assignment(random.nextBoolean() ? ONBOARDING : SECURITY,
							random.nextBoolean() ? "Onboarding" : "Security", Status.values()[random.nextInt(3)],
							random.nextBoolean(), due, random.nextBoolean() ? null : random.nextDouble())));
		}
		for (var column : Column.values()) {
			for (var descending : List.of(false, true)) {
				var first = TeamTable.of(team, column, descending, Shown.ALL, null).rows();
				var shuffled = new ArrayList<>(team);
				Collections.shuffle(shuffled, random);
				assertThat(TeamTable.of(shuffled, column, descending, Shown.ALL, null).rows())
					.as(column + (descending ? " descending" : " ascending"))
					.isEqualTo(first);
			}
		}
	}

	@Test
	void filtersByStatusAndProgram() {
		var team = List.of(person("Ada", assignment(ONBOARDING, "Onboarding", Status.COMPLETED, false, null, 0.8)),
				person("Bo", assignment(SECURITY, "Security", Status.NOT_STARTED, true, null, null)),
				person("Cy", assignment(ONBOARDING, "Onboarding", Status.IN_PROGRESS, true, null, null)));

		assertThat(names(TeamTable.of(team, Column.NAME, false, Shown.OVERDUE, null))).containsExactly("Bo", "Cy");
		assertThat(names(TeamTable.of(team, Column.NAME, false, Shown.ALL, ONBOARDING))).containsExactly("Ada", "Cy");
		assertThat(names(TeamTable.of(team, Column.NAME, false, Shown.COMPLETED, SECURITY))).isEmpty();
	}

	@Test
	void aSecondClickOnTheSortedColumnTurnsItRoundAndKeepsTheFilter() {
		var table = TeamTable.of(List.of(), Column.NAME, false, Shown.OVERDUE, ONBOARDING);

		assertThat(table.sortQuery(Column.NAME))
			.isEqualTo("?sort=name&dir=desc&show=overdue&program=" + ONBOARDING.value());
		assertThat(table.sortQuery(Column.DUE)).startsWith("?sort=due&dir=asc&show=overdue");
		assertThat(table.ariaSort(Column.NAME)).isEqualTo("ascending");
		assertThat(table.ariaSort(Column.DUE)).isNull();
	}

	@Test
	void rejectsAnUnknownColumnOrFilterNamingTheChoices() {
		assertThatThrownBy(() -> Column.of("salary")).isInstanceOf(InvalidValueException.class)
			.hasMessageContaining("salary")
			.hasMessageContaining("due");
		assertThatThrownBy(() -> Shown.of("NOT_STARTED")).isInstanceOf(InvalidValueException.class)
			.hasMessageContaining("not-started");
		assertThat(Shown.of("in-progress")).isEqualTo(Shown.IN_PROGRESS);
	}

	private static List<String> names(TeamTable table) {
		return table.rows().stream().map(r -> r.person().name()).toList();
	}

	private static PersonProgress person(String name, AssignedProgress assignment) {
		return new PersonProgress(new MemberId(UUID.randomUUID()), new UserId(UUID.randomUUID()), name,
				name.toLowerCase(Locale.ROOT) + "@acme.test", List.of(assignment));
	}

	private static AssignedProgress assignment(ProgramId program, String title, Status status, boolean overdue,
			@Nullable Instant due, @Nullable Double score) {
		var completed = status == Status.COMPLETED ? 2 : status == Status.IN_PROGRESS ? 1 : 0;
		var lessons = score == null ? List.<AssignedProgress.LessonResult>of()
				: List.of(new AssignedProgress.LessonResult(new LessonId(UUID.randomUUID()), "Lesson",
						Status.COMPLETED, score, Instant.EPOCH));
		return new AssignedProgress(program, title, status, due, overdue, completed, 2, due, null, lessons);
	}
}
