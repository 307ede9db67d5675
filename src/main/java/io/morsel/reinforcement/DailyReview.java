package io.morsel.reinforcement;

import io.morsel.catalog.Interaction;
import io.morsel.catalog.LessonVersion;
import io.morsel.catalog.Lessons;
import io.morsel.catalog.PlayableLesson;
import io.morsel.catalog.PlayableLesson.Choice;
import io.morsel.catalog.PlayableLesson.Question;
import io.morsel.catalog.Marking;
import io.morsel.catalog.ProgramSights;
import io.morsel.catalog.Response;
import io.morsel.catalog.Score;
import io.morsel.learning.Learner;
import io.morsel.shared.InvalidRequestException;
import io.morsel.shared.InvalidValueException;
import io.morsel.shared.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * A learner's daily review (docs/reinforcement.md, "The daily review"): the cards due on their review day, at most
 * the daily cap a day, questions from different lessons and skills taking turns (Interleaving); and answering one, which updates the card at
 * once and logs the review. The review page and the API both come here, and delivery's review messages. A partner
 * (ADR 0042) is asked only the questions of the lessons they may see now: a card of a lesson answered before they
 * became one, in a program they do not hold, is neither offered nor answered (404).
 */
@Service
public class DailyReview {

	/** Reads the learner's answer to a question: from a page's form, or an API request's fields. */
	@FunctionalInterface
	public interface AnswerReader {

		/** @throws io.morsel.catalog.InvalidResponseException when it does not make an answer to this question */
		Response read(Question question);
	}

	/** About how long one review question takes, for "about 2 minutes". */
	static final Duration PER_QUESTION = Duration.ofSeconds(20);

	private final Cards cards;
	private final CardFaces faces;
	private final ReviewWriter writer;
	private final Scheduling scheduling;
	private final Masteries masteries;
	private final Lessons lessons;
	private final JsonMapper json;
	private final Clock clock;
	private final ProgramSights sights;

	DailyReview(Cards cards, CardFaces faces, ReviewWriter writer, Scheduling scheduling, Masteries masteries,
			Lessons lessons, JsonMapper json, Clock clock, ProgramSights sights) {
		this.sights = sights;
		this.cards = cards;
		this.faces = faces;
		this.writer = writer;
		this.scheduling = scheduling;
		this.masteries = masteries;
		this.lessons = lessons;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * How many questions the learner's review holds now: those due on their review day, no more than the daily cap
	 * leaves. One query; never the backlog beyond the cap.
	 */
	public int size(Learner learner, ZoneId zone) {
		return due(learner, zone).size();
	}

	/**
	 * Whether a card falling due at {@code earliestDue} is due on the learner's review day of {@code now}, or was due
	 * before it: when the learner's earliest card is not, nothing is, and their review is empty without asking.
	 */
	public boolean mayBeDue(Instant earliestDue, ZoneId zone, Instant now) {
		var day = scheduling.day(zone);
		return earliestDue.isBefore(day.end(day.reviewDay(now)));
	}

	/** About how many minutes a review of this many questions takes; at least one. */
	public static long minutes(int questions) {
		return Math.max(1, Math.round(PER_QUESTION.multipliedBy(questions).toSeconds() / 60.0));
	}

	/** Today's review: the questions due, capped, lessons and skills taking turns. */
	public List<ReviewItem> today(Learner learner, ZoneId zone) {
		var items = new ArrayList<ReviewItem>();
		for (var card : interleaved(due(learner, zone))) {
			item(card).ifPresent(items::add);
		}
		return items;
	}

	/** The first question of today's review, if anything is due. */
	public Optional<ReviewItem> next(Learner learner, ZoneId zone) {
		for (var card : interleaved(due(learner, zone))) {
			var item = item(card);
			if (item.isPresent()) {
				return item;
			}
		}
		return Optional.empty();
	}

	/**
	 * The learner's card as it is shown now, due or not.
	 * @throws NotFoundException when the card is not the learner's
	 */
	public ReviewItem show(Learner learner, UUID cardId) {
		var card = cards.find(learner, cardId)
			.filter(found -> seen(learner, found.face()))
			.orElseThrow(() -> new NotFoundException("not-found.review-card"));
		return item(card).orElseThrow(() -> new NotFoundException("not-found.review-card"));
	}

	/**
	 * Answers one review question: judges it as the lesson does, rates it (GradeRule) and schedules the card at once.
	 * The same review item answered again returns the stored result and changes nothing. Asks the database nothing
	 * before the review writer (the card's face is kept: CardFaces), which finds a replay, and reads the card's memory
	 * and its desired retention, in its transaction.
	 *
	 * @throws NotFoundException when the card is not the learner's
	 * @throws io.morsel.catalog.InvalidResponseException when the answer does not fit the question
	 */
	public ReviewOutcome answer(Learner learner, UUID cardId, UUID reviewItemId, AnswerReader reader,
			@Nullable Duration timeTaken) {
		var face = faces.of(learner, cardId)
			.filter(card -> seen(learner, card))
			.orElseThrow(() -> new NotFoundException("not-found.review-card"));
		var version = version(face).orElseThrow(() -> new NotFoundException("not-found.review-card"));
		var interaction = interaction(version, face.interactionId());
		var item = item(face, version, reviewItemId);
		Response response;
		Score score;
		try {
			response = reader.read(item.question());
			score = interaction.score(response);
		}
		catch (InvalidValueException | InvalidRequestException refused) {
			// A replay gets the stored result whatever is sent again: only a new answer must fit the question.
			if (cards.review(learner, reviewItemId).isPresent()) {
				return outcome(learner, reviewItemId);
			}
			throw refused;
		}
		var elapsed = timeTaken == null || timeTaken.isNegative() ? null : timeTaken;
		var rating = scheduling.rule().rate(Boolean.TRUE.equals(score.correct()), score.credit(), elapsed);
		var written = writer.write(new ReviewWriter.Pending(cardId, reviewItemId, learner, rating,
				json.writeValueAsString(response), score.credit(), score.correct(), elapsed, clock.instant()));
		if (written.replayed() || written.after() == null) {
			// Answered before, or sent twice at once: the stored result.
			return outcome(learner, reviewItemId);
		}
		var after = written.after();
		return new ReviewOutcome(item, response, score, rating, after.state(), after.due(), after.stability(),
				after.difficulty(), false, Marking.of(interaction, response));
	}

	/** A review answered earlier, by its review item's id, with its feedback. */
	public ReviewOutcome outcome(Learner learner, UUID reviewItemId) {
		var stored = cards.review(learner, reviewItemId).orElseThrow(() -> new NotFoundException("not-found.review"));
		var card = cards.find(learner, stored.cardId())
			.filter(found -> seen(learner, found.face()))
			.orElseThrow(() -> new NotFoundException("not-found.review"));
		return replay(stored, card);
	}

	private ReviewOutcome replay(Cards.Stored stored, Cards.Card card) {
		if (stored.response() == null) {
			throw new NotFoundException("not-found.review"); // A first review, made in the lesson: its answer is the lesson's.
		}
		var version = version(card.face()).orElseThrow(() -> new NotFoundException("not-found.review"));
		var response = json.readValue(stored.response(), Response.class);
		var interaction = interaction(version, card.interactionId());
		var score = interaction.score(response);
		var after = stored.after();
		return new ReviewOutcome(item(card.face(), version, stored.id()), response, score, stored.rating(), after.state(),
				after.due(), after.stability(), after.difficulty(), true, Marking.of(interaction, response));
	}

	private List<Cards.Card> due(Learner learner, ZoneId zone) {
		var day = scheduling.day(zone);
		var today = day.reviewDay(clock.instant());
		var cap = scheduling.dailyCap();
		var due = cards.due(learner, day.end(today), day.start(today), cap,
				sights.of(learner.organisationId(), learner.userId()).lessons());
		var left = Math.max(0, cap - due.reviewedToday());
		return due.cards().subList(0, Math.min(left, due.cards().size()));
	}

	/** Whether the card's lesson is one the learner may see (a partner's are narrowed). */
	private boolean seen(Learner learner, Cards.Face card) {
		return sights.of(learner.organisationId(), learner.userId()).sees(card.lessonId());
	}

	/**
	 * The due cards in the order they are asked (Interleaving): lessons and skills taking turns. Reads the cards'
	 * skills in one query, only when there are two or more to order.
	 */
	private List<Cards.Card> interleaved(List<Cards.Card> due) {
		if (due.size() < 2) {
			return due;
		}
		var skills = masteries.skillsByCard(due.stream().map(Cards.Card::id).toList());
		return Interleaving.of(due, Cards.Card::lessonId, card -> skills.getOrDefault(card.id(), Set.of()));
	}

	private Optional<ReviewItem> item(Cards.Card card) {
		return version(card.face()).map(version -> item(card.face(), version, itemIdOf(card)));
	}

	/** The card as it is shown now: the same id until it is reviewed, so a reload is the same showing. */
	static UUID itemIdOf(Cards.Card card) {
		var key = card.id() + "/" + card.memory().reps();
		return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
	}

	private ReviewItem item(Cards.Face card, LessonVersion version, UUID reviewItemId) {
		var question = PlayableLesson.question(version, card.interactionId())
			.orElseThrow(() -> new NotFoundException("not-found.review-card"));
		return new ReviewItem(card.id(), reviewItemId, card.lessonId(), version.content().title(),
				shuffled(question, reviewItemId));
	}

	/** The options in an order of this showing's own; matchings and orderings come shuffled from the lesson already. */
	static Question shuffled(Question question, UUID reviewItemId) {
		if (!question.type().choosesOptions()) {
			return question;
		}
		var options = new ArrayList<Choice>(question.options());
		Collections.shuffle(options, new Random(reviewItemId.getMostSignificantBits() ^ reviewItemId.getLeastSignificantBits()));
		return new Question(question.type(), question.id(), question.prompt(), question.assessesObjective(),
				question.situation(), question.pick(), List.copyOf(options), question.left(), question.right());
	}

	private Optional<LessonVersion> version(Cards.Face card) {
		return lessons.version(card.learner().organisationId(), card.lessonId(), card.version());
	}

	private static Interaction interaction(LessonVersion version, String id) {
		return version.content()
			.interactions()
			.stream()
			.filter(interaction -> interaction.id().equals(id))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("not-found.review-card"));
	}
}
