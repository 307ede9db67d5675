package io.morsel.catalog.api;

import io.morsel.catalog.LessonId;
import io.morsel.catalog.LessonSummary;
import io.morsel.catalog.Lessons;
import io.morsel.catalog.PlayableLesson;
import io.morsel.catalog.ProgramSights;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Role;
import io.morsel.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** What learners read of the lessons; authors write them through authoring's API. */
@RestController
@Tag(name = "Lessons", description = "Micro-lessons: authors write and publish them; learners get the published ones")
class LessonApi {

	private final Lessons lessons;
	private final ProgramSights sights;

	LessonApi(Lessons lessons, ProgramSights sights) {
		this.lessons = lessons;
		this.sights = sights;
	}

	@GetMapping("/api/v1/lessons")
	@Operation(summary = "The lessons the caller may see: authors all of the organisation's, learners the published "
			+ "ones (partners only those of the programs assigned or open to them)")
	List<LessonSummary> list(@AuthenticationPrincipal CurrentMember me) {
		if (me.has(Role.AUTHOR)) {
			return lessons.all(me.organisationId());
		}
		var sight = sights.of(me);
		return lessons.published(me.organisationId()).stream().filter(lesson -> sight.sees(lesson.id())).toList();
	}

	@GetMapping("/api/v1/lessons/{id}")
	@Operation(summary = "The published version of a lesson as learners take it, without the answer key; a lesson a "
			+ "partner may not see is not found")
	PlayableLesson one(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id) {
		var lesson = new LessonId(id);
		if (!me.has(Role.AUTHOR) && !sights.of(me).sees(lesson)) {
			throw new NotFoundException("not-found.lesson");
		}
		return lessons.latestPublished(me.organisationId(), lesson)
			.map(PlayableLesson::of)
			.orElseThrow(() -> new NotFoundException("not-found.lesson"));
	}
}
