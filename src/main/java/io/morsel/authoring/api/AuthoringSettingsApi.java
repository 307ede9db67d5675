package io.morsel.authoring.api;

import io.morsel.authoring.AuthoringPolicy;
import io.morsel.authoring.AuthoringSettings;
import io.morsel.identity.CurrentMember;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The organisation's publishing rules, for its admins. */
@RestController
@Tag(name = "Lessons")
class AuthoringSettingsApi {

	private final AuthoringSettings settings;

	AuthoringSettingsApi(AuthoringSettings settings) {
		this.settings = settings;
	}

	/** Without {@code programLessonsBeforeModules} a change keeps the organisation's current number. */
	record Settings(@NotNull Boolean objectivesBlockPublishing, @NotNull @Min(7) @Max(60) Integer maxLessonMinutes,
			@Min(AuthoringPolicy.FEWEST_PROGRAM_LESSONS_BEFORE_MODULES) @Max(100) @Nullable Integer programLessonsBeforeModules) {

		static Settings of(AuthoringPolicy policy) {
			return new Settings(policy.objectivesBlockPublishing(), policy.maxLessonMinutes(),
					policy.programLessonsBeforeModules());
		}
	}

	@GetMapping("/api/v1/authoring/settings")
	@Operation(summary = "For admins: whether a vague or double objective blocks publishing (false unless set), and the "
			+ "longest a lesson may be estimated to run (10 minutes unless set), and how many lessons a program may have before "
			+ "the studio asks for modules (12 unless set)")
	Settings settings(@AuthenticationPrincipal CurrentMember me) {
		return Settings.of(settings.policy(me.organisationId()));
	}

	@PutMapping("/api/v1/authoring/settings")
	@Operation(summary = "For admins: make a vague or double objective block publishing, or only warn; set the longest "
			+ "a lesson may run, from 7 to 60 minutes; and how many lessons a program may have without modules, from 6 to 100",
			description = "Applies to every publish from now on; published lessons stay published.")
	Settings change(@AuthenticationPrincipal CurrentMember me, @Valid @RequestBody Settings changed) {
		var lessons = changed.programLessonsBeforeModules() != null ? changed.programLessonsBeforeModules()
				: settings.policy(me.organisationId()).programLessonsBeforeModules();
		return Settings.of(settings.change(me,
				new AuthoringPolicy(changed.objectivesBlockPublishing(), changed.maxLessonMinutes(), lessons)));
	}
}
