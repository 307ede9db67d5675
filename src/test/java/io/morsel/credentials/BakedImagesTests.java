package io.morsel.credentials;

import io.morsel.shared.UnusableImageException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Baking by the Open Badges 3.0 rules, and reading the credential back out, without a Spring context. */
class BakedImagesTests {

	private static final String CREDENTIAL = "{\"type\":[\"VerifiableCredential\",\"OpenBadgeCredential\"],"
			+ "\"name\":\"Négociateur ]]> <tricky> & co\"}";

	@Test
	void aBakedPngKeepsItsPixelsAndGivesBackTheCredentialFromOneUncompressedITxtChunk() throws Exception {
		var png = AchievementImages.png("Deal maker", "acme");

		var baked = BakedImages.png(png, CREDENTIAL);

		assertThat(BakedImages.fromPng(baked)).contains(CREDENTIAL);
		var image = ImageIO.read(new ByteArrayInputStream(baked));
		assertThat(image.getWidth()).isEqualTo(256);
		assertThat(ImageIO.read(new ByteArrayInputStream(png)).getRGB(128, 10)).isEqualTo(image.getRGB(128, 10));
		var chunk = chunk(baked, "iTXt");
		assertThat(new String(chunk, 0, 20, StandardCharsets.ISO_8859_1)).isEqualTo("openbadgecredential\0");
		assertThat(chunk[20]).as("compression flag: not compressed").isZero();
	}

	@Test
	void bakingABakedPngReplacesTheCredentialInsteadOfAddingASecond() {
		var once = BakedImages.png(AchievementImages.png("Closer", "acme"), "{\"first\":true}");

		var twice = BakedImages.png(once, CREDENTIAL);

		assertThat(BakedImages.fromPng(twice)).contains(CREDENTIAL);
		assertThat(count(twice, "iTXt")).isEqualTo(1);
	}

	@Test
	void aBakedSvgCarriesTheCredentialAsTheFirstChildOfItsRootInTheOpenBadgesNamespace() throws Exception {
		var svg = AchievementImages.svg("Deal maker", "Acme", "acme");

		var baked = BakedImages.svg(svg, CREDENTIAL);

		assertThat(BakedImages.fromSvg(baked)).contains(CREDENTIAL);
		var root = BakedImages.parse(baked).getDocumentElement();
		var first = root.getFirstChild();
		assertThat(first.getNamespaceURI()).isEqualTo("https://purl.imsglobal.org/ob/v3p0");
		assertThat(first.getLocalName()).isEqualTo("credential");
		assertThat(baked).contains("xmlns:openbadges=\"https://purl.imsglobal.org/ob/v3p0\"", "<![CDATA[");
		assertThat(BakedImages.fromSvg(BakedImages.svg(baked, "{}"))).as("baked again, not twice").contains("{}");
	}

	@Test
	void aJwtInTheVerifyAttributeIsReadToo() {
		var svg = """
				<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0">
				<openbadges:credential verify="eyJhbGciOiJFZERTQSJ9.e30.c2ln"/></svg>""";

		assertThat(BakedImages.fromSvg(svg)).contains("eyJhbGciOiJFZERTQSJ9.e30.c2ln");
	}

	@Test
	void anImageWithoutACredentialHasNone() {
		assertThat(BakedImages.fromPng(AchievementImages.png("Plain", "acme"))).isEmpty();
		assertThat(BakedImages.fromSvg(AchievementImages.svg("Plain", "Acme", "acme"))).isEmpty();
	}

	@Test
	void refusesWhatIsNotAPngOrAnSvgAndNeverExpandsEntities() {
		assertThatThrownBy(() -> BakedImages.png("GIF89a".getBytes(StandardCharsets.US_ASCII), CREDENTIAL))
			.isInstanceOf(UnusableImageException.class);
		assertThatThrownBy(() -> BakedImages.svg("<svg", CREDENTIAL)).isInstanceOf(UnusableImageException.class);
		assertThatThrownBy(() -> BakedImages.svg("<html xmlns=\"http://www.w3.org/1999/xhtml\"/>", CREDENTIAL))
			.isInstanceOf(UnusableImageException.class);
		assertThatThrownBy(() -> BakedImages.fromSvg("""
				<?xml version="1.0"?>
				<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>
				<svg xmlns="http://www.w3.org/2000/svg">&x;</svg>""")).isInstanceOf(UnusableImageException.class);
	}

	/** The data of the first chunk of this type in a PNG. */
	private static byte[] chunk(byte[] png, String type) {
		var at = 8;
		while (at < png.length) {
			var length = ((png[at] & 0xff) << 24) | ((png[at + 1] & 0xff) << 16) | ((png[at + 2] & 0xff) << 8)
					| (png[at + 3] & 0xff);
			if (new String(png, at + 4, 4, StandardCharsets.US_ASCII).equals(type)) {
				var data = new byte[length];
				System.arraycopy(png, at + 8, data, 0, length);
				return data;
			}
			at += 12 + length;
		}
		throw new AssertionError("No " + type + " chunk");
	}

	private static int count(byte[] png, String type) {
		var at = 8;
		var count = 0;
		while (at < png.length) {
			var length = ((png[at] & 0xff) << 24) | ((png[at + 1] & 0xff) << 16) | ((png[at + 2] & 0xff) << 8)
					| (png[at + 3] & 0xff);
			if (new String(png, at + 4, 4, StandardCharsets.US_ASCII).equals(type)) {
				count++;
			}
			at += 12 + length;
		}
		return count;
	}
}
