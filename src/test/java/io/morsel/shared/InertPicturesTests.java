package io.morsel.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Pictures (covers) are PNG, JPEG, WebP or inert SVG images, told apart by their bytes and decoded whole before they
 * are kept; anything else is refused with words an author can act on.
 */
class InertPicturesTests {

	/** A 1×1 lossless WebP image. */
	private static final byte[] WEBP = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

	private static final int LIMIT = 200 * 1024;

	@Test
	void readsWhatThePictureIsFromItsBytes() throws IOException {
		assertThat(InertImages.checkPicture(raster("png", 8, 8), LIMIT)).isEqualTo(InertImages.PNG);
		assertThat(InertImages.checkPicture(raster("jpeg", 8, 8), LIMIT)).isEqualTo(InertImages.JPEG);
		assertThat(InertImages.checkPicture(WEBP, LIMIT)).isEqualTo(InertImages.WEBP);
		assertThat(InertImages.checkPicture("""
				<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><rect width="4" height="4"/></svg>"""
			.getBytes(StandardCharsets.UTF_8), LIMIT)).isEqualTo(InertImages.SVG);
	}

	@Test
	void refusesAFileThatOnlyStartsLikeAPicture() throws IOException {
		var jpeg = raster("jpeg", 64, 64);
		var cut = Arrays.copyOf(jpeg, 40);
		var webp = Arrays.copyOf(WEBP, 20);

		assertThatThrownBy(() -> InertImages.checkPicture(cut, LIMIT)).isInstanceOf(UnusableImageException.class)
			.hasMessageStartingWith("The JPEG image cannot be read");
		assertThatThrownBy(() -> InertImages.checkPicture(webp, LIMIT)).isInstanceOf(UnusableImageException.class)
			.hasMessageStartingWith("The WebP image cannot be read");
	}

	@Test
	void refusesOtherFormatsTooLargeFilesAndHugeImages() throws IOException {
		var gif = raster("gif", 4, 4);

		assertThatThrownBy(() -> InertImages.checkPicture(gif, LIMIT))
			.hasMessage("The image is not a PNG, JPEG, WebP or SVG image");
		assertThatThrownBy(() -> InertImages.checkPicture(new byte[0], LIMIT)).hasMessage("The image is empty");
		assertThatThrownBy(() -> InertImages.checkPicture(raster("png", 8, 8), 10))
			.hasMessageStartingWith("An image is at most 0 KB");
		assertThatThrownBy(() -> InertImages.checkPicture(raster("jpeg", 2049, 1), LIMIT))
			.hasMessage("An image is at most 2048 pixels a side");
	}

	@Test
	void logosAndBadgesStayPngOrSvg() throws IOException {
		assertThatThrownBy(() -> InertImages.check(raster("jpeg", 8, 8), LIMIT))
			.isInstanceOf(UnusableImageException.class);
	}

	private static byte[] raster(String format, int width, int height) throws IOException {
		var out = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), format, out);
		return out.toByteArray();
	}
}
