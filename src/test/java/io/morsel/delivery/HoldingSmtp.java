package io.morsel.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * An SMTP server that takes every message whole and then never says it accepted it: the moment of a real mail
 * server that has queued a message when its client dies before hearing {@code 250}. A message it has taken counts as
 * delivered (a real server would deliver it), so a client that stops here and whose mail is handed over again by
 * another node shows the one duplicate SMTP cannot rule out.
 */
final class HoldingSmtp implements AutoCloseable {

	private final ServerSocket server;
	private final List<byte[]> taken = new ArrayList<>();

	HoldingSmtp() throws IOException {
		server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread.ofPlatform().daemon().name("holding-smtp").start(this::accept);
	}

	int port() {
		return server.getLocalPort();
	}

	/** The messages taken so far, parsed. */
	List<MimeMessage> taken() {
		List<byte[]> copies;
		synchronized (taken) {
			copies = List.copyOf(taken);
		}
		var session = Session.getInstance(new Properties());
		return copies.stream().map(raw -> {
			try {
				return new MimeMessage(session, new ByteArrayInputStream(raw));
			}
			catch (MessagingException e) {
				throw new IllegalStateException(e);
			}
		}).toList();
	}

	private void accept() {
		while (!server.isClosed()) {
			try {
				var socket = server.accept();
				Thread.ofPlatform().daemon().name("holding-smtp-session").start(() -> converse(socket));
			}
			catch (IOException e) {
				return; // Closed.
			}
		}
	}

	private void converse(Socket socket) {
		try (socket; var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
				var out = socket.getOutputStream()) {
			say(out, "220 holding-smtp ESMTP");
			String line;
			while ((line = in.readLine()) != null) {
				var command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
				switch (command) {
					case "EHLO", "HELO" -> say(out, "250 holding-smtp");
					case "DATA" -> {
						say(out, "354 End data with <CR><LF>.<CR><LF>");
						var message = new ByteArrayOutputStream();
						while ((line = in.readLine()) != null && !line.equals(".")) {
							message.writeBytes((line.startsWith(".") ? line.substring(1) : line)
								.getBytes(StandardCharsets.ISO_8859_1));
							message.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
						}
						synchronized (taken) {
							taken.add(message.toByteArray());
						}
						// Never answers: waits until the client goes away.
						while (in.read() >= 0) {
							// Discards anything further.
						}
						return;
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
