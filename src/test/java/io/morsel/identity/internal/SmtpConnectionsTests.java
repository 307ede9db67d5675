package io.morsel.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Mails go over kept SMTP connections: many mails, one connection; a connection the server closed while idle is
 * replaced before the next mail, which arrives once. Against a real SMTP conversation on a local socket.
 */
class SmtpConnectionsTests {

	@Test
	void manyMailsGoOverOneConnection() throws Exception {
		try (var server = new CountingSmtp(Integer.MAX_VALUE); var connections = new SmtpConnections(sender(server), 2)) {
			for (int i = 0; i < 10; i++) {
				connections.send(message("Mail " + i));
			}
			assertThat(server.subjects).hasSize(10);
			assertThat(server.connections.get()).isEqualTo(1);
		}
	}

	@Test
	void aConnectionTheServerClosedIsReplacedAndNoMailIsLostOrDoubled() throws Exception {
		// The server hangs up after every second mail, as servers do after an idle time or a number of messages.
		try (var server = new CountingSmtp(2); var connections = new SmtpConnections(sender(server), 2)) {
			for (int i = 0; i < 6; i++) {
				connections.send(message("Mail " + i));
				Thread.sleep(50);
			}
			assertThat(server.subjects).containsExactly("Mail 0", "Mail 1", "Mail 2", "Mail 3", "Mail 4", "Mail 5");
			assertThat(server.connections.get()).isEqualTo(3);
		}
	}

	private static JavaMailSenderImpl sender(CountingSmtp server) {
		var sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(server.port());
		return sender;
	}

	private static MimeMessage message(String subject) throws Exception {
		var message = new MimeMessage(Session.getInstance(new Properties()));
		message.setFrom(new InternetAddress("no-reply@morsel.test"));
		message.setRecipients(MimeMessage.RecipientType.TO, "learner@acme.test");
		message.setSubject(subject);
		message.setText("Your review is due.");
		return message;
	}

	/** Accepts every message; counts connections; hangs up after this many messages on one connection. */
	private static final class CountingSmtp implements AutoCloseable {

		final ServerSocket server;
		final AtomicInteger connections = new AtomicInteger();
		final List<String> subjects = new CopyOnWriteArrayList<>();
		final int messagesPerConnection;

		CountingSmtp(int messagesPerConnection) throws IOException {
			this.messagesPerConnection = messagesPerConnection;
			server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
			Thread.ofPlatform().daemon().start(() -> {
				while (!server.isClosed()) {
					try {
						var socket = server.accept();
						connections.incrementAndGet();
						Thread.ofPlatform().daemon().start(() -> converse(socket));
					}
					catch (IOException e) {
						return;
					}
				}
			});
		}

		int port() {
			return server.getLocalPort();
		}

		private void converse(Socket socket) {
			try (socket; var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
					var out = socket.getOutputStream()) {
				say(out, "220 counting-smtp");
				var taken = 0;
				String line;
				while ((line = in.readLine()) != null) {
					var command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
					switch (command) {
						case "DATA" -> {
							say(out, "354 go on");
							String subject = null;
							while ((line = in.readLine()) != null && !line.equals(".")) {
								if (line.startsWith("Subject: ")) {
									subject = line.substring("Subject: ".length());
								}
							}
							subjects.add(subject);
							say(out, "250 taken");
							if (++taken >= messagesPerConnection) {
								return; // Hangs up.
							}
						}
						case "QUIT" -> {
							say(out, "221 bye");
							return;
						}
						default -> say(out, "250 OK");
					}
				}
			}
			catch (IOException e) {
				// The client went away.
			}
		}

		private static void say(OutputStream out, String reply) throws IOException {
			out.write((reply + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
		}

		@Override
		public void close() throws IOException {
			server.close();
		}
	}
}
