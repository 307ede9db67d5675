package io.morsel.catalog;

import io.morsel.shared.InvalidValueException;
import java.math.BigDecimal;

/**
 * The part of a video or audio file a block plays, in seconds from the file's start: a lesson cut from a long
 * recording plays only its own stretch of it. Browsers honour it as a media fragment ({@code #t=start,end}) without
 * any script. Whether it lies within the file is checked where the file's duration can be read.
 */
public record MediaRange(double start, double end) {

	/** A day: no recording Morsel stores plays longer. */
	static final double LONGEST_SECONDS = 86_400;

	public MediaRange {
		if (!Double.isFinite(start) || !Double.isFinite(end) || start < 0 || end > LONGEST_SECONDS) {
			throw new InvalidValueException("catalog.refused.media-range-runs-0-seconds-into", (long) LONGEST_SECONDS);
		}
		if (start >= end) {
			throw new InvalidValueException("catalog.refused.media-range-starts-before-ends-starts",
					seconds(start), seconds(end));
		}
	}

	/** The media fragment that asks the browser to play only this range, as {@code #t=12.5,300}. */
	public String fragment() {
		return "#t=" + seconds(start) + "," + seconds(end);
	}

	/** Whether a stretch from {@code fromMillis} to {@code toMillis} is heard within this range. */
	public boolean overlaps(long fromMillis, long toMillis) {
		return fromMillis < end * 1000 && toMillis > start * 1000;
	}

	/** Seconds without trailing zeros, to the millisecond: 12.5, 300. */
	public static String seconds(double value) {
		return BigDecimal.valueOf(Math.round(value * 1000), 3).stripTrailingZeros().toPlainString();
	}
}
