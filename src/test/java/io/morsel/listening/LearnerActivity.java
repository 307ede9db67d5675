package io.morsel.listening;

import io.morsel.catalog.LessonId;
import io.morsel.learning.AnswerRecorded;
import io.morsel.learning.LessonCompleted;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Receives learning's events as a listening module does, and keeps them. Cheap on purpose: it is in the shared test
 * context, so every answer of every test is published to it. Its state is static, shared by every application instance
 * a test starts in this JVM, so a test sees what another node's listener received; and a test may make it fail for
 * its own lesson.
 */
@Component
class LearnerActivity {

	private static final List<Object> received = new CopyOnWriteArrayList<>();
	private static final Set<LessonId> failing = ConcurrentHashMap.newKeySet();

	@ApplicationModuleListener
	void on(AnswerRecorded answer) {
		receive(answer.lessonId(), answer);
	}

	@ApplicationModuleListener
	void on(LessonCompleted completion) {
		receive(completion.lessonId(), completion);
	}

	private static void receive(LessonId lesson, Object event) {
		if (failing.contains(lesson)) {
			throw new IllegalStateException("This listener fails for lesson " + lesson + " while a test says so");
		}
		received.add(event);
	}

	static List<Object> receivedFor(LessonId lesson) {
		return received.stream()
			.filter(e -> e instanceof AnswerRecorded a ? a.lessonId().equals(lesson)
					: e instanceof LessonCompleted c && c.lessonId().equals(lesson))
			.toList();
	}

	static void failFor(LessonId lesson) {
		failing.add(lesson);
	}

	static void recoverFor(LessonId lesson) {
		failing.remove(lesson);
	}
}
