package io.morsel.credentials;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The rules for an image an author uploads for an achievement: a PNG the JDK reads, or an SVG document that is inert
 * — no scripts, no event handlers, no embedded HTML, and no reference outside itself except to embedded raster data —
 * of at most {@link #MAX_BYTES}. What the bytes are is read from them, never from the declared type. An SVG that breaks
 * a rule is refused, not cleaned: a cleaned badge would not be the one its author drew.
 */
final class UploadedImages {

	static final int MAX_BYTES = 256 * 1024;
	static final int MAX_PIXELS_A_SIDE = 2048;

	static final String PNG = "image/png";
	static final String SVG = "image/svg+xml";

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
	private static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";
	private static final Set<String> FORBIDDEN_ELEMENTS = Set.of("script", "foreignobject", "iframe", "object",
			"embed", "handler", "listener", "animate", "set", "animatemotion", "animatetransform");
	private static final Pattern OUTSIDE_URL = Pattern.compile("url\\s*\\(\\s*['\"]?\\s*(?!#)", Pattern.CASE_INSENSITIVE);
	private static final Pattern IMPORT = Pattern.compile("@import", Pattern.CASE_INSENSITIVE);

	private UploadedImages() {
	}

	/** The image's media type, once it passes the rules. */
	static String check(byte[] content) {
		if (content.length == 0) {
			throw new UnusableImageException("credentials.refused.image-empty");
		}
		if (content.length > MAX_BYTES) {
			throw new UnusableImageException("credentials.refused.image-most-kb-kb",
					MAX_BYTES / 1024, (content.length + 1023) / 1024);
		}
		if (content.length >= PNG_SIGNATURE.length
				&& Arrays.equals(Arrays.copyOf(content, PNG_SIGNATURE.length), PNG_SIGNATURE)) {
			checkPng(content);
			return PNG;
		}
		checkSvg(text(content));
		return SVG;
	}

	private static void checkPng(byte[] content) {
		try {
			var image = ImageIO.read(new ByteArrayInputStream(content));
			if (image == null) {
				throw new UnusableImageException("credentials.refused.png-cannot-read");
			}
			if (image.getWidth() > MAX_PIXELS_A_SIDE || image.getHeight() > MAX_PIXELS_A_SIDE) {
				throw new UnusableImageException("credentials.refused.image-most-pixels-side", MAX_PIXELS_A_SIDE);
			}
		}
		catch (IOException | RuntimeException e) {
			if (e instanceof UnusableImageException unusable) {
				throw unusable;
			}
			throw new UnusableImageException("credentials.refused.png-cannot-read-because", e.getMessage());
		}
	}

	private static String text(byte[] content) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content))
				.toString();
		}
		catch (CharacterCodingException e) {
			throw new UnusableImageException("credentials.refused.image-neither-png-nor-svg-in-utf-8");
		}
	}

	private static void checkSvg(String svg) {
		var document = BakedImages.parse(svg);
		for (var node = document.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node.getNodeType() == Node.PROCESSING_INSTRUCTION_NODE) {
				throw new UnusableImageException("credentials.refused.svg-badge-may-not-contain-processing");
			}
		}
		var root = document.getDocumentElement();
		if (!"svg".equals(root.getLocalName()) || !SVG_NAMESPACE.equals(root.getNamespaceURI())) {
			throw new UnusableImageException("credentials.refused.image-neither-png-nor-svg");
		}
		check(root);
	}

	private static void check(Element element) {
		var name = element.getLocalName().toLowerCase(Locale.ROOT);
		if (FORBIDDEN_ELEMENTS.contains(name)) {
			throw new UnusableImageException("credentials.refused.svg-badge-may-not-contain", element.getLocalName());
		}
		if (!SVG_NAMESPACE.equals(element.getNamespaceURI())
				&& !BakedImages.SVG_NAMESPACE.equals(element.getNamespaceURI())) {
			throw new UnusableImageException("credentials.refused.svg-badge-contains-only-svg-elements",
					element.getTagName());
		}
		if (name.equals("style") && refersOutside(element.getTextContent())) {
			throw new UnusableImageException("credentials.refused.svg-badge-s-style-may-not");
		}
		var attributes = element.getAttributes();
		for (var i = 0; i < attributes.getLength(); i++) {
			var attribute = attributes.item(i);
			var attributeName = attribute.getLocalName() == null ? attribute.getNodeName() : attribute.getLocalName();
			var value = attribute.getNodeValue().strip();
			if (attributeName.toLowerCase(Locale.ROOT).startsWith("on")) {
				throw new UnusableImageException("credentials.refused.svg-badge-may-not-have-event",
						attribute.getNodeName());
			}
			if (attributeName.equals("href") && !value.startsWith("#")
					&& !value.matches("(?s)data:image/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\\s]*")) {
				throw new UnusableImageException("credentials.refused.svg-badge-may-refer-only-own",
						(value.length() > 60 ? value.substring(0, 60) + "…" : value));
			}
			if (refersOutside(value)) {
				throw new UnusableImageException("credentials.refused.svg-badge-may-not-refer-outside",
						attribute.getNodeName());
			}
		}
		for (var child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child.getNodeType() == Node.ELEMENT_NODE) {
				check((Element) child);
			}
			else if (child.getNodeType() == Node.PROCESSING_INSTRUCTION_NODE) {
				throw new UnusableImageException("credentials.refused.svg-badge-may-not-contain-processing");
			}
		}
	}

	private static boolean refersOutside(String text) {
		return OUTSIDE_URL.matcher(text).find() || IMPORT.matcher(text).find()
				|| text.toLowerCase(Locale.ROOT).contains("javascript:");
	}
}
