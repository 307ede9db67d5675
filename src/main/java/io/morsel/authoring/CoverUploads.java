package io.morsel.authoring;

import io.morsel.catalog.Covers;
import io.morsel.shared.InvalidValueException;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;

/**
 * A cover uploaded through a studio form, read only once it could be one: the form's file limit is that of media
 * (hundreds of MB), far above {@link Covers#MAX_BYTES}, and a node's heap is small, so an oversized file is refused by
 * its declared size before its bytes are read. What the bytes are is checked by {@link Covers}.
 */
final class CoverUploads {

	private CoverUploads() {
	}

	static byte[] read(@Nullable MultipartFile cover) throws IOException {
		if (cover == null || cover.isEmpty()) {
			throw new InvalidValueException("authoring.refused.cover-choose-file");
		}
		if (cover.getSize() > Covers.MAX_BYTES) {
			throw new InvalidValueException("shared.refused.image-most-kb-kb", Covers.MAX_BYTES / 1024,
					(cover.getSize() + 1023) / 1024);
		}
		return cover.getBytes();
	}
}
