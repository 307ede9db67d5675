package io.morsel.delivery.api;

import io.morsel.catalog.LessonId;
import io.morsel.catalog.ProgramId;
import io.morsel.delivery.RuleTiming;
import io.morsel.delivery.TriggerRule;
import io.morsel.delivery.TriggerRules;
import io.morsel.delivery.TriggerType;
import io.morsel.identity.CurrentMember;
import io.morsel.shared.InvalidValueException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Delivery")
class TriggerRuleApi {

	private final TriggerRules rules;

	TriggerRuleApi(TriggerRules rules) {
		this.rules = rules;
	}

	/** A rule as the API shows it. */
	record RuleView(UUID id, String type, String name, Map<String, String> conditions, @Nullable UUID lessonId,
			@Nullable UUID programId, int offsetMinutes, int dayOffset, @Nullable String at, String when) {

		static RuleView of(TriggerRule rule) {
			var timing = rule.timing();
			return new RuleView(rule.id(), rule.type().value(), rule.name(), rule.conditions(),
					rule.lesson() == null ? null : rule.lesson().value(),
					rule.program() == null ? null : rule.program().value(), timing.offsetMinutes(), timing.dayOffset(),
					timing.at() == null ? null : timing.at().toString(), timing.describe());
		}
	}

	@GetMapping("/api/v1/trigger-rules")
	@Operation(summary = "The organisation's trigger rules, by type")
	List<RuleView> all(@AuthenticationPrincipal CurrentMember me) {
		return rules.all(me.organisationId()).stream().map(RuleView::of).toList();
	}

	@PostMapping("/api/v1/trigger-rules")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a trigger rule", description = "Its lesson must be published in the organisation, or "
			+ "its program one of the organisation's (404 otherwise).")
	@ApiResponse(responseCode = "201", description = "Added")
	RuleView add(@AuthenticationPrincipal CurrentMember me, @RequestBody TriggerRuleRequest request) {
		return RuleView.of(rules.add(me, new TriggerType(request.type()), request.name(),
				request.conditions() == null ? Map.of() : request.conditions(),
				request.lessonId() == null ? null : new LessonId(request.lessonId()),
				request.programId() == null ? null : new ProgramId(request.programId()), timing(request)));
	}

	@DeleteMapping("/api/v1/trigger-rules/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove a trigger rule; what it planned already stays planned")
	@ApiResponse(responseCode = "204", description = "Removed")
	void remove(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id) {
		rules.remove(me, id);
	}

	static RuleTiming timing(TriggerRuleRequest request) {
		LocalTime at = null;
		if (request.at() != null && !request.at().isBlank()) {
			try {
				at = LocalTime.parse(request.at().strip());
			}
			catch (DateTimeParseException e) {
				throw new InvalidValueException("delivery.refused.time-day-such-18-00-not", request.at());
			}
		}
		return new RuleTiming(request.offsetMinutes() == null ? 0 : request.offsetMinutes(),
				request.dayOffset() == null ? 0 : request.dayOffset(), at);
	}
}
