package io.morsel.delivery;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A local HTTP server standing in for Slack's Web API, a Teams workflow, Slack's response_url or a webhook's
 * receiver: it records every request and answers each with the next answer queued, then with the default.
 */
final class Receiver implements AutoCloseable {

	/** A request as it arrived. */
	record Request(String path, Map<String, List<String>> headers, String body) {

		String header(String name) {
			return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
				.map(e -> e.getValue().getFirst()).orElse(null);
		}
	}

	/** An answer: its status, headers and body, given after a delay. */
	record Answer(int status, Map<String, String> headers, String body, long delayMillis) {

		static Answer of(int status) {
			return new Answer(status, Map.of(), "", 0);
		}

		static Answer json(String body) {
			return new Answer(200, Map.of("Content-Type", "application/json"), body, 0);
		}
	}

	private final HttpServer server;
	private final List<Request> requests = new CopyOnWriteArrayList<>();
	private final ConcurrentLinkedQueue<Answer> queued = new ConcurrentLinkedQueue<>();
	private volatile Answer fallback;

	Receiver(Answer fallback) throws IOException {
		this.fallback = fallback;
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		server.createContext("/", this::handle);
		server.start();
	}

	String url(String path) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + path;
	}

	List<Request> requests() {
		return requests;
	}

	List<Request> requests(String path) {
		return requests.stream().filter(r -> r.path().equals(path)).toList();
	}

	void answerNext(Answer... answers) {
		queued.addAll(List.of(answers));
	}

	void answerFromNowOn(Answer answer) {
		fallback = answer;
	}

	private void handle(HttpExchange exchange) throws IOException {
		var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		requests.add(new Request(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()), body));
		var answer = queued.poll();
		if (answer == null) {
			answer = fallback;
		}
		try {
			Thread.sleep(answer.delayMillis());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
		var bytes = answer.body().getBytes(StandardCharsets.UTF_8);
		try {
			exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
			if (bytes.length > 0) {
				exchange.getResponseBody().write(bytes);
			}
		}
		catch (IOException clientGone) {
			// The sender gave up waiting (the timeout test): nothing to answer.
		}
		exchange.close();
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
