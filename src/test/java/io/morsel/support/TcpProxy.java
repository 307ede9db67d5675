package io.morsel.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP forwarder on a port of its own, to stand between an application and its database: {@link #cut()} closes the
 * port and every connection through it, as an outage would, and {@link #restore()} opens the same port again. The
 * server behind it keeps running for everyone else.
 */
public final class TcpProxy implements AutoCloseable {

	private final InetSocketAddress target;
	private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
	private final int port;
	private volatile ServerSocket server;

	private TcpProxy(InetSocketAddress target) {
		this.target = target;
		this.server = listen(0);
		this.port = server.getLocalPort();
		accept(server);
	}

	/** Forwards a port of its own to this host and port. */
	public static TcpProxy to(String host, int port) {
		return new TcpProxy(new InetSocketAddress(host, port));
	}

	public int port() {
		return port;
	}

	/** Refuses new connections and closes every open one. */
	public synchronized void cut() {
		close(server);
		connections.forEach(TcpProxy::close);
		connections.clear();
	}

	/** Accepts connections again, on the same port. */
	public synchronized void restore() {
		if (server.isClosed()) {
			server = listen(port);
			accept(server);
		}
	}

	@Override
	public void close() {
		cut();
	}

	private static ServerSocket listen(int port) {
		try {
			var socket = new ServerSocket();
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress("127.0.0.1", port));
			return socket;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private void accept(ServerSocket listening) {
		Thread.ofPlatform().daemon().name("tcp-proxy-" + port).start(() -> {
			while (!listening.isClosed()) {
				try {
					var client = listening.accept();
					var upstream = new Socket();
					try {
						upstream.connect(target, 2000);
					}
					catch (IOException refused) {
						close(client);
						continue;
					}
					// A connection accepted while cut() ran would otherwise outlive the cut, forwarding as before.
					synchronized (this) {
						if (listening.isClosed()) {
							close(client);
							close(upstream);
							continue;
						}
						connections.add(client);
						connections.add(upstream);
					}
					pump(client, upstream);
					pump(upstream, client);
				}
				catch (IOException closed) {
					// Cut: the loop ends.
				}
			}
		});
	}

	private void pump(Socket from, Socket to) {
		Thread.ofVirtual().start(() -> {
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				in.transferTo(out);
			}
			catch (IOException ended) {
				// One side closed or was cut.
			}
			finally {
				close(from);
				close(to);
				connections.remove(from);
				connections.remove(to);
			}
		});
	}

	private static void close(java.io.Closeable closeable) {
		try {
			closeable.close();
		}
		catch (IOException ignored) {
			// Closing is all that was asked.
		}
	}
}
