package io.morsel.web;

import io.morsel.identity.AccessRules;
import io.morsel.identity.Role;
import io.morsel.shared.Refuses;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Documents the problem details every operation can answer, from what the operation is rather than one by one: 401
 * unless the URL rules make it public, 403 where they require a role or the method writes (a read-only token may
 * not), 404 with a path parameter, 400 with any parameter or body, 413 and 415 with a body, 500 and 503 always. An
 * operation declares the refusals only it knows of with {@link Refuses} (a 409 of its state, a 403 for roles its
 * handler checks). Each error answer, declared or added, is an {@code application/problem+json} {@value #PROBLEM}.
 */
@Component
class ProblemAnswers implements OperationCustomizer, OpenApiCustomizer {

	static final String PROBLEM = "ProblemDetail";

	private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

	/** What a read-only token may send; anything else it sends is refused with 403. */
	private static final Set<PathItem.HttpMethod> READS = Set.of(PathItem.HttpMethod.GET, PathItem.HttpMethod.HEAD,
			PathItem.HttpMethod.OPTIONS);

	private final List<Rule> apiRules;

	ProblemAnswers(ObjectProvider<AccessRules> modules) {
		var recorded = new Recorder();
		modules.orderedStream().forEach(module -> module.api(recorded));
		this.apiRules = List.copyOf(recorded.rules);
	}

	@Override
	public Operation customize(Operation operation, HandlerMethod handler) {
		var responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
		for (var refusal : handler.getMethod().getAnnotationsByType(Refuses.class)) {
			responses.addApiResponse(String.valueOf(refusal.value().value()), new ApiResponse().description(refusal.when()));
		}
		return operation.responses(responses);
	}

	@Override
	public void customise(OpenAPI api) {
		api.getComponents().addSchemas(PROBLEM, problemDetail());
		if (api.getPaths() == null) {
			return;
		}
		api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
			var rule = firstRule(method, path);
			if (rule != null && !rule.restricted) {
				operation.setSecurity(List.of());
			}
			var responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
			operation.setResponses(responses);
			var parameters = operation.getParameters() == null ? List.<Parameter>of()
					: operation.getParameters();
			var body = operation.getRequestBody() != null;
			if (body || !parameters.isEmpty()) {
				add(responses, "400", "The request is malformed or a field is invalid (see errors)");
			}
			var secured = operation.getSecurity() == null || !operation.getSecurity().isEmpty();
			if (secured) {
				add(responses, "401", "No bearer token, or one that is unknown or revoked");
			}
			if (rule != null && rule.restricted) {
				add(responses, "403", "The caller's roles do not allow this");
			}
			if (secured && !READS.contains(method)) {
				add(responses, "403", "The caller's token is read-only");
			}
			if (parameters.stream().anyMatch(p -> "path".equals(p.getIn()))) {
				add(responses, "404", "Not found, or of another organisation");
			}
			if (body) {
				add(responses, "413", "The body is larger than this API accepts");
				add(responses, "415", "The body is not of a media type this operation accepts");
			}
			add(responses, "500", "A failure on Morsel's side; it is logged");
			add(responses, "503", "Morsel cannot reach its database; try again later");
			var sorted = new ApiResponses();
			responses.keySet().stream().sorted().forEach(status -> {
				var response = responses.get(status);
				if (status.startsWith("4") || status.startsWith("5")) {
					response.setContent(new Content().addMediaType(PROBLEM_JSON,
							new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
				}
				sorted.addApiResponse(status, response);
			});
			operation.setResponses(sorted);
		}));
	}

	private static void add(ApiResponses responses, String status, String description) {
		if (!responses.containsKey(status)) {
			responses.addApiResponse(status, new ApiResponse().description(description));
		}
	}

	/** The first of the modules' API rules that decides this operation, as Spring Security picks it. */
	private @Nullable Rule firstRule(PathItem.HttpMethod method, String path) {
		var container = PathContainer.parsePath(path);
		for (var rule : apiRules) {
			if ((rule.method == null || rule.method.name().equals(method.name())) && rule.pattern.matches(container)) {
				return rule;
			}
		}
		return null;
	}

	/** RFC 9457, with the {@code errors} Morsel adds to validation failures. */
	private static Schema<?> problemDetail() {
		var fieldProblem = new ObjectSchema().addProperty("field", new StringSchema()
			.description("The field, as a path into the body (reviews[3].at); empty for the body as a whole"))
			.addProperty("message", new StringSchema())
			.required(List.of("field", "message"));
		var properties = new LinkedHashMap<String, Schema>();
		properties.put("type", new StringSchema().format("uri-reference")
			.description("Stable per problem (/problems/validation); docs/api.md lists them"));
		properties.put("title", new StringSchema());
		properties.put("status", new IntegerSchema().minimum(BigDecimal.valueOf(400))
			.maximum(BigDecimal.valueOf(599)));
		properties.put("detail", new StringSchema());
		properties.put("instance", new StringSchema().format("uri-reference"));
		properties.put("errors", new ArraySchema().items(fieldProblem)
			.description("Each field that was invalid, where the problem is about fields"));
		var problem = new ObjectSchema().description("An RFC 9457 problem detail").required(List.of("type", "title", "status"));
		problem.setProperties(properties);
		// A problem type may add members of its own (RFC 9457, section 3.2), such as the stored answer of a 409.
		problem.setAdditionalProperties(true);
		return problem;
	}

	/** @param restricted whether the rule asks for a role, rather than letting anyone in */
	private record Rule(@Nullable HttpMethod method, PathPattern pattern, boolean restricted) {
	}

	/** Reads the modules' API rules in their order, as identity's security configuration applies them. */
	private static final class Recorder implements AccessRules.Rules {

		private final List<Rule> rules = new ArrayList<>();

		@Override
		public AccessRules.Rules permitAll(String... patterns) {
			return add(null, false, patterns);
		}

		@Override
		public AccessRules.Rules permitAll(HttpMethod method, String... patterns) {
			return add(method, false, patterns);
		}

		@Override
		public AccessRules.Rules requireRole(Role role, String... patterns) {
			return add(null, true, patterns);
		}

		@Override
		public AccessRules.Rules requireAnyRole(Set<Role> roles, String... patterns) {
			return add(null, true, patterns);
		}

		@Override
		public AccessRules.Rules requireRole(HttpMethod method, Role role, String... patterns) {
			return add(method, true, patterns);
		}

		@Override
		public AccessRules.Rules requireAnyRole(HttpMethod method, Set<Role> roles, String... patterns) {
			return add(method, true, patterns);
		}

		private AccessRules.Rules add(@Nullable HttpMethod method, boolean restricted, String... patterns) {
			for (var pattern : patterns) {
				rules.add(new Rule(method, PathPatternParser.defaultInstance.parse(pattern), restricted));
			}
			return this;
		}
	}
}
