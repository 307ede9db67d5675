package io.morsel.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Checks every exchange with {@code /api/v1} against the OpenAPI document the application serves at {@code /api/docs},
 * with an OpenAPI validator of its own (swagger-request-validator, on Jackson 2 beside the application's Jackson 3).
 * The answer must always be as documented. The request must be too when it was accepted; a request the document
 * calls invalid may be sent on purpose, and then the API must refuse it with the documented problem.
 */
final class ApiDocument implements ClientHttpRequestInterceptor {

	private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();

	private final String baseUrl;

	ApiDocument(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		var response = execution.execute(request, body);
		if (!request.getURI().getPath().startsWith("/api/v1/")) {
			return response;
		}
		var answer = new Buffered(response);
		var report = validator().validate(request(request, body), response(answer));
		var status = answer.getStatusCode();
		var accepted = status.is2xxSuccessful();
		var findings = report.getMessages()
			.stream()
			.filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
			.filter(m -> accepted || !m.getKey().startsWith("validation.request"))
			.toList();
		if (!findings.isEmpty()) {
			throw new AssertionError("%s %s answered %s is not as /api/docs describes it:%n%s%nRequest: %s%nAnswer: %s"
				.formatted(request.getMethod(), request.getURI().getPath(), status.value(),
						String.join(System.lineSeparator(), findings.stream().map(ApiDocument::describe).toList()),
						text(body), text(answer.body)));
		}
		return answer;
	}

	private OpenApiInteractionValidator validator() {
		return VALIDATORS.computeIfAbsent(baseUrl, url -> OpenApiInteractionValidator
			.createForInlineApiSpecification(RestClient.create(url).get().uri("/api/docs").retrieve().body(String.class))
			.build());
	}

	private static SimpleRequest request(HttpRequest request, byte[] body) {
		var uri = request.getURI();
		var built = new SimpleRequest.Builder(request.getMethod().name(), uri.getRawPath());
		request.getHeaders().forEach(built::withHeader);
		UriComponentsBuilder.fromUri(uri).build().getQueryParams().forEach(built::withQueryParam);
		if (body.length > 0) {
			built.withBody(body);
		}
		return built.build();
	}

	private static SimpleResponse response(Buffered answer) throws IOException {
		var built = new SimpleResponse.Builder(answer.getStatusCode().value());
		answer.getHeaders().forEach(built::withHeader);
		if (answer.body.length > 0) {
			built.withBody(answer.body);
		}
		return built.build();
	}

	private static String describe(ValidationReport.Message message) {
		var where = message.getContext()
			.flatMap(context -> context.getPointers().map(p -> " at " + p.getInstance()))
			.orElse("");
		return "- [" + message.getKey() + "]" + where + " " + message.getMessage();
	}

	private static String text(byte[] body) {
		var text = new String(body, StandardCharsets.UTF_8);
		return text.length() > 2000 ? text.substring(0, 2000) + "…" : text;
	}

	/** The answer read once, for the validator and again for the test. */
	private static final class Buffered implements ClientHttpResponse {

		private final ClientHttpResponse response;
		private final byte[] body;

		Buffered(ClientHttpResponse response) throws IOException {
			this.response = response;
			try (var in = response.getBody()) {
				this.body = in.readAllBytes();
			}
		}

		@Override
		public HttpStatusCode getStatusCode() throws IOException {
			return response.getStatusCode();
		}

		@Override
		public String getStatusText() throws IOException {
			return response.getStatusText();
		}

		@Override
		public HttpHeaders getHeaders() {
			return response.getHeaders();
		}

		@Override
		public InputStream getBody() {
			return new ByteArrayInputStream(body);
		}

		@Override
		public void close() {
			response.close();
		}
	}
}
