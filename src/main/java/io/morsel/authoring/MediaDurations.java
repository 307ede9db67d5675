package io.morsel.authoring;

import io.morsel.catalog.MediaLibrary;
import io.morsel.identity.OrganisationId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * How long a stored video or audio file plays, read from its own header: the movie header ({@code mvhd}) of MP4 and
 * M4A, the format and data chunks of WAV, the last page's granule position of Ogg Opus and Ogg Vorbis audio. Other
 * kinds (WebM, MP3, Ogg video) need a demuxer to tell; for them, and for a file that cannot be read, the duration is
 * unknown and the transcript stands in.
 */
@Component
class MediaDurations {

	private final MediaLibrary media;

	MediaDurations(MediaLibrary media) {
		this.media = media;
	}

	/** Seconds, rounded up; empty for another organisation's file, a missing one, or a kind it cannot read. */
	OptionalLong seconds(OrganisationId organisation, String mediaId) {
		UUID id;
		try {
			id = UUID.fromString(mediaId);
		}
		catch (IllegalArgumentException notAnId) {
			return OptionalLong.empty();
		}
		var stored = media.find(organisation, id);
		if (stored.isEmpty()) {
			return OptionalLong.empty();
		}
		var file = media.file(id);
		try {
			return switch (stored.get().contentType()) {
				case "video/mp4", "audio/mp4" -> mp4(file);
				case "audio/wav" -> wav(file);
				case "audio/ogg" -> ogg(file);
				default -> OptionalLong.empty();
			};
		}
		catch (IOException unreadable) {
			return OptionalLong.empty();
		}
	}

	/** Walks the top-level boxes to {@code moov}, then its children to {@code mvhd}: duration / timescale. */
	static OptionalLong mp4(Path file) throws IOException {
		try (var channel = FileChannel.open(file, StandardOpenOption.READ)) {
			var size = channel.size();
			var moov = box(channel, 0, size, "moov");
			if (moov == null) {
				return OptionalLong.empty();
			}
			var mvhd = box(channel, moov[0] + 8, moov[0] + moov[1], "mvhd");
			if (mvhd == null) {
				return OptionalLong.empty();
			}
			var header = ByteBuffer.allocate(32);
			channel.read(header, mvhd[0] + 8);
			header.flip();
			var version = header.get() & 0xff;
			long timescale;
			long duration;
			// After version and flags: creation and modification times (64 bits each in version 1), then the timescale.
			if (version == 1) {
				header.position(4 + 16);
				timescale = Integer.toUnsignedLong(header.getInt());
				duration = header.getLong();
			}
			else {
				header.position(4 + 8);
				timescale = Integer.toUnsignedLong(header.getInt());
				duration = Integer.toUnsignedLong(header.getInt());
			}
			return timescale == 0 ? OptionalLong.empty() : OptionalLong.of((duration + timescale - 1) / timescale);
		}
	}

	/** Offset and size of the first box of this type between {@code from} and {@code to}, or null. */
	private static long[] box(FileChannel channel, long from, long to, String type) throws IOException {
		var head = ByteBuffer.allocate(16);
		var at = from;
		while (at + 8 <= to) {
			head.clear();
			channel.read(head, at);
			head.flip();
			if (head.remaining() < 8) {
				return null;
			}
			long size = Integer.toUnsignedLong(head.getInt());
			var name = new String(new byte[] { head.get(), head.get(), head.get(), head.get() },
					StandardCharsets.ISO_8859_1);
			if (size == 1 && head.remaining() >= 8) {
				size = head.getLong();
			}
			else if (size == 0) {
				size = to - at;
			}
			if (size < 8) {
				return null;
			}
			if (name.equals(type)) {
				return new long[] { at, size };
			}
			at += size;
		}
		return null;
	}

	/**
	 * Ogg audio: the granule position (samples played) of the stream's last page over its sample rate, from the
	 * identification header on the first page. Opus counts at 48 kHz after its pre-skip; Vorbis at its own rate.
	 */
	static OptionalLong ogg(Path file) throws IOException {
		try (var channel = FileChannel.open(file, StandardOpenOption.READ)) {
			var first = ByteBuffer.allocate(128).order(ByteOrder.LITTLE_ENDIAN);
			channel.read(first, 0);
			first.flip();
			if (first.remaining() < 28 + 19 || first.getInt(0) != 0x5367674f) {
				return OptionalLong.empty();
			}
			var serial = first.getInt(14);
			var packet = 27 + (first.get(26) & 0xff);
			if (packet + 19 > first.limit()) {
				return OptionalLong.empty();
			}
			var head = new byte[8];
			first.get(packet, head);
			long rate;
			long skip;
			if (new String(head, StandardCharsets.ISO_8859_1).equals("OpusHead")) {
				rate = 48_000;
				skip = first.getShort(packet + 10) & 0xffff;
			}
			else if (new String(head, 1, 6, StandardCharsets.ISO_8859_1).equals("vorbis") && head[0] == 1) {
				rate = Integer.toUnsignedLong(first.getInt(packet + 12));
				skip = 0;
			}
			else {
				return OptionalLong.empty();
			}
			var size = channel.size();
			var tail = ByteBuffer.allocate((int) Math.min(size, 65_536)).order(ByteOrder.LITTLE_ENDIAN);
			channel.read(tail, size - tail.capacity());
			tail.flip();
			for (var at = tail.limit() - 27; at >= 0; at--) {
				if (tail.getInt(at) == 0x5367674f && tail.getInt(at + 14) == serial) {
					var samples = tail.getLong(at + 6) - skip;
					return rate == 0 || samples <= 0 ? OptionalLong.empty()
							: OptionalLong.of((samples + rate - 1) / rate);
				}
			}
			return OptionalLong.empty();
		}
	}

	/** RIFF/WAVE: the data chunk's size over the format chunk's bytes per second. */
	static OptionalLong wav(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			var riff = ByteBuffer.wrap(in.readNBytes(12)).order(ByteOrder.LITTLE_ENDIAN);
			if (riff.remaining() < 12 || riff.getInt(0) != 0x46464952 || riff.getInt(8) != 0x45564157) {
				return OptionalLong.empty();
			}
			long bytesPerSecond = 0;
			while (true) {
				var chunk = ByteBuffer.wrap(in.readNBytes(8)).order(ByteOrder.LITTLE_ENDIAN);
				if (chunk.remaining() < 8) {
					return OptionalLong.empty();
				}
				var id = chunk.getInt(0);
				var size = Integer.toUnsignedLong(chunk.getInt(4));
				if (id == 0x20746d66) {
					var format = ByteBuffer.wrap(in.readNBytes((int) Math.min(size, 64))).order(ByteOrder.LITTLE_ENDIAN);
					bytesPerSecond = Integer.toUnsignedLong(format.getInt(8));
					in.skipNBytes(size - Math.min(size, 64) + (size & 1));
				}
				else if (id == 0x61746164) {
					return bytesPerSecond == 0 ? OptionalLong.empty()
							: OptionalLong.of((size + bytesPerSecond - 1) / bytesPerSecond);
				}
				else {
					in.skipNBytes(size + (size & 1));
				}
			}
		}
	}
}
