package io.morsel.support;

import io.morsel.learning.AnswerRecorded;
import io.morsel.learning.LessonCompleted;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The learning events the application published, as a listening module receives them: in the shared test context, so
 * a test looks for its own (its learner's, its lesson's) among everyone's.
 */
@Component
public class PublishedEvents {

	private final List<Object> events = new CopyOnWriteArrayList<>();

	@EventListener
	void on(AnswerRecorded answer) {
		events.add(answer);
	}

	@EventListener
	void on(LessonCompleted completion) {
		events.add(completion);
	}

	public <T> List<T> of(Class<T> type, Predicate<? super T> which) {
		return events.stream().filter(type::isInstance).map(type::cast).filter(which).toList();
	}
}
