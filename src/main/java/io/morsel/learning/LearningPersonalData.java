package io.morsel.learning;

import io.morsel.identity.CurrentMember;
import io.morsel.identity.PersonalData;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Learning's part of a person's data download: the programs they are enrolled in, and where they stand in each. */
@Component
class LearningPersonalData implements PersonalData {

	record ProgramEntry(UUID programId, String title, boolean assigned, @Nullable Instant dueAt, Instant enrolledAt,
			List<LessonEntry> lessons) {
	}

	record LessonEntry(UUID lessonId, String title, String status) {
	}

	/** The learner's daily goal and every day they learned, as kept for their streak. */
	record LearningPart(List<ProgramEntry> enrolments, DailyGoal dailyGoal, List<LearningDay> days) {
	}

	private final Progress progress;
	private final LearningDays learningDays;

	LearningPersonalData(Progress progress, LearningDays learningDays) {
		this.progress = progress;
		this.learningDays = learningDays;
	}

	@Override
	public String part() {
		return "learning";
	}

	@Override
	public Object of(CurrentMember member) {
		var standing = learningDays.standing(Learner.of(member));
		return new LearningPart(progress.of(Learner.of(member))
			.stream()
			.filter(p -> p.enrolment() != null)
			.map(p -> new ProgramEntry(p.program().id().value(), p.program().title(), p.enrolment().assigned(),
					p.enrolment().dueAt(), p.enrolment().enrolledAt(), p.lessons()
						.stream()
						.map(l -> new LessonEntry(l.id().value(), l.title(), l.status().name().toLowerCase(java.util.Locale.ROOT)))
						.toList()))
			.toList(), standing.goal(), standing.days());
	}
}
