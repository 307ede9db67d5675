package io.morsel.reinforcement;

import io.morsel.catalog.LessonId;
import io.morsel.catalog.Program;
import io.morsel.catalog.ProgramId;
import io.morsel.catalog.Programs;
import io.morsel.identity.OrganisationId;
import io.morsel.learning.Enrolment;
import io.morsel.learning.Enrolments;
import io.morsel.learning.Learner;
import io.morsel.shared.InvalidValueException;
import io.morsel.shared.NotFoundException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The desired retention reviews are scheduled with: how likely a learner should still recall a question when it falls
 * due. Each organisation has one (0.9 unless set), and each program may have its own, else it takes its
 * organisation's (docs/reinforcement.md, "Desired retention").
 *
 * <p>A card belongs to a lesson, and a lesson may sit in several programs. A card is scheduled with the <em>highest</em>
 * desired retention among the programs its learner is enrolled in that contain its lesson, each counting its own
 * setting or else its organisation's; a lesson in none of the learner's programs takes the organisation's. The highest,
 * so that no program's promise is broken by another's laxer one. The rule is applied at each review, with the settings
 * and enrolments of that moment; cards keep their due times until then.
 */
@Service
public class RetentionSettings {

	static final double MIN = 0.7;
	static final double MAX = 0.97;

	/** A program's desired retention: its own setting, if any, and the one its cards are scheduled with. */
	public record ProgramRetention(ProgramId programId, String title, @Nullable Double own, double desiredRetention) {
	}

	private final Cards cards;
	private final ProgramRetentions programRetentions;
	private final Programs programs;
	private final Enrolments enrolments;

	RetentionSettings(Cards cards, ProgramRetentions programRetentions, Programs programs, Enrolments enrolments) {
		this.cards = cards;
		this.programRetentions = programRetentions;
		this.programs = programs;
		this.enrolments = enrolments;
	}

	@Transactional(readOnly = true)
	public double desiredRetention(OrganisationId organisation) {
		return cards.desiredRetention(organisation);
	}

	/**
	 * Sets the organisation's desired retention, from 0.7 to 0.97: below, reviews come too seldom to keep much; above,
	 * so often that learners drown in them (FSRS's advice).
	 */
	@Transactional
	public double change(OrganisationId organisation, double desiredRetention) {
		checkRange(desiredRetention);
		cards.desiredRetention(organisation, desiredRetention);
		return desiredRetention;
	}

	/** Every program of the organisation, by title, with its desired retention. */
	@Transactional(readOnly = true)
	public List<ProgramRetention> programs(OrganisationId organisation) {
		var fallback = cards.desiredRetention(organisation);
		var own = programRetentions.of(organisation);
		return programs.all(organisation).stream().map(program -> of(program, own, fallback)).toList();
	}

	/**
	 * A program's desired retention.
	 * @throws NotFoundException when the organisation has no such program
	 */
	@Transactional(readOnly = true)
	public ProgramRetention program(OrganisationId organisation, ProgramId id) {
		var program = programs.find(organisation, id).orElseThrow(() -> new NotFoundException("not-found.program"));
		return of(program, programRetentions.of(organisation), cards.desiredRetention(organisation));
	}

	/**
	 * Sets a program's own desired retention, from 0.7 to 0.97 as the organisation's, or with {@code null} lets it take
	 * its organisation's again. Its learners' next reviews are scheduled with it.
	 * @throws NotFoundException when the organisation has no such program
	 */
	@Transactional
	public ProgramRetention change(OrganisationId organisation, ProgramId id, @Nullable Double desiredRetention) {
		programs.find(organisation, id).orElseThrow(() -> new NotFoundException("not-found.program"));
		if (desiredRetention == null) {
			programRetentions.clear(organisation, id);
		}
		else {
			checkRange(desiredRetention);
			programRetentions.set(organisation, id, desiredRetention);
		}
		return program(organisation, id);
	}

	/**
	 * The desired retention a review of the learner's card of this lesson is scheduled with (the rule above), the
	 * organisation's settings known: its desired retention and its programs' own. An organisation whose programs set
	 * none asks for nothing more; otherwise the learner's enrolments and the organisation's programs are read.
	 */
	private double forLesson(Learner learner, LessonId lesson, double organisation, Map<ProgramId, Double> own) {
		if (own.isEmpty()) {
			return organisation;
		}
		var enrolled = enrolments.of(learner).stream().map(Enrolment::programId).collect(Collectors.toSet());
		if (enrolled.isEmpty()) {
			return organisation;
		}
		var containing = programs.all(learner.organisationId())
			.stream()
			.filter(program -> enrolled.contains(program.id()) && program.lessons().contains(lesson))
			.toList();
		return highest(organisation, own, containing);
	}

	/**
	 * The rule for the answers or reviews of one write ({@code FirstReviews}, {@code ReviewWriter}): each
	 * organisation's settings are read once, not once per answer.
	 */
	Batch forBatch() {
		return new Batch();
	}

	/** The desired retention of many learners' cards, each organisation's settings read at its first card. */
	final class Batch {

		private final Map<OrganisationId, Double> organisations = new HashMap<>();
		private final Map<OrganisationId, Map<ProgramId, Double>> own = new HashMap<>();

		double forLesson(Learner learner, LessonId lesson) {
			var organisation = learner.organisationId();
			return RetentionSettings.this.forLesson(learner, lesson,
					organisations.computeIfAbsent(organisation, cards::desiredRetention),
					own.computeIfAbsent(organisation, programRetentions::of));
		}
	}

	/**
	 * The rule itself: the highest desired retention of these programs (the learner's, containing the lesson), each
	 * its own or else the organisation's; the organisation's when there are none.
	 */
	static double highest(double organisation, Map<ProgramId, Double> own, Collection<Program> containing) {
		return containing.stream()
			.mapToDouble(program -> own.getOrDefault(program.id(), organisation))
			.max()
			.orElse(organisation);
	}

	private static ProgramRetention of(Program program, Map<ProgramId, Double> own, double organisation) {
		var set = own.get(program.id());
		return new ProgramRetention(program.id(), program.title(), set, set == null ? organisation : set);
	}

	private static void checkRange(double desiredRetention) {
		if (!(desiredRetention >= MIN && desiredRetention <= MAX)) {
			throw new InvalidValueException("reinforcement.refused.desired-retention", MIN, MAX);
		}
	}
}
