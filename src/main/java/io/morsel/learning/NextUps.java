package io.morsel.learning;

import io.morsel.learning.ProgramProgress.Status;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The one door to "what should this learner do next": the candidates of the learner's programs and of every
 * {@link NextUpSource}, reduced by the {@link NextUp} rule. Today's "Next up" and delivery both ask it.
 */
@Service
public class NextUps {

	private final Progress progress;
	private final List<NextUpSource> sources;

	NextUps(Progress progress, ObjectProvider<NextUpSource> sources) {
		this.progress = progress;
		this.sources = inOrderOfKind(sources.orderedStream().toList());
	}

	/** The single most valuable item for the learner now. */
	public Optional<NextUp> of(Learner learner, ZoneId zone, Instant now) {
		return mostValuable(fromPrograms(progress.of(learner), now), sources, learner, zone, now);
	}

	/**
	 * As {@link #of(Learner, ZoneId, Instant)}, from what Today read already: its programs, and only the sources that
	 * may offer something by that reading ({@link NextUpSource#mayOffer}).
	 */
	public Optional<NextUp> of(Learner learner, ZoneId zone, Instant now, TodayReading reading) {
		var asked = sources.stream().filter(source -> source.mayOffer(reading, zone, now)).toList();
		return mostValuable(fromPrograms(reading.programs(), now), asked, learner, zone, now);
	}

	/** The sources, the most valuable kind first, so that each is asked only while it could still win. */
	static List<NextUpSource> inOrderOfKind(List<NextUpSource> sources) {
		return sources.stream().sorted(Comparator.comparing(NextUpSource::kind)).toList();
	}

	/**
	 * The most valuable of the programs' candidates and the sources' (in order of kind): a source whose kind is less
	 * valuable than the best item found so far cannot win, so it is not asked.
	 */
	static Optional<NextUp> mostValuable(List<NextUp> fromPrograms, List<NextUpSource> sources, Learner learner,
			ZoneId zone, Instant now) {
		var candidates = new ArrayList<NextUp>(fromPrograms);
		for (var source : sources) {
			var best = NextUp.mostValuable(candidates);
			if (best.isPresent() && best.get().kind().compareTo(source.kind()) < 0) {
				continue;
			}
			candidates.addAll(source.candidates(learner, zone, now));
		}
		return NextUp.mostValuable(candidates);
	}

	/** The next lesson of each program the learner is in: nearing its due date, or the next of a series. */
	static List<NextUp> fromPrograms(List<ProgramProgress> programs, Instant now) {
		var candidates = new ArrayList<NextUp>();
		for (var program : programs) {
			var enrolment = program.enrolment();
			var next = program.next();
			if (enrolment == null || next == null) {
				continue;
			}
			var kind = NextUp.programKind(enrolment, now);
			var rank = enrolment.dueAt() != null ? enrolment.dueAt() : enrolment.enrolledAt();
			// A lesson already begun comes before one not started, whatever its program's dates.
			if (next.status() == Status.IN_PROGRESS && kind == NextUp.Kind.SERIES) {
				rank = Instant.EPOCH;
			}
			candidates.add(new NextUp(kind, next.title(), "/lessons/" + next.id().value(), next.estimatedMinutes(), rank,
					program.program().id().value()));
		}
		return candidates;
	}
}
