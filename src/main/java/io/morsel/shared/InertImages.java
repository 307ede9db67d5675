package io.morsel.shared;

import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The rules for an image someone uploads to be shown to others (an achievement's badge, an organisation's logo, a
 * cover): a PNG the JDK reads, or an SVG document that is inert — no scripts, no event handlers, no embedded HTML, and
 * no reference outside itself except to embedded raster data — of at most the caller's size. What the bytes are is
 * read from them, never from the declared type. An SVG that breaks a rule is refused, not cleaned: a cleaned image
 * would not be the one its author drew.
 */
public final class InertImages {

	public static final int MAX_PIXELS_A_SIDE = 2048;

	public static final String PNG = "image/png";
	public static final String JPEG = "image/jpeg";
	public static final String WEBP = "image/webp";
	public static final String SVG = "image/svg+xml";

	/** The namespace Open Badges bakes a credential into an SVG with: its element is allowed beside SVG's own. */
	private static final String OPEN_BADGES_NAMESPACE = "https://purl.imsglobal.org/ob/v3p0";

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
	private static final byte[] JPEG_SIGNATURE = { (byte) 0xff, (byte) 0xd8, (byte) 0xff };
	private static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";
	private static final Set<String> FORBIDDEN_ELEMENTS = Set.of("script", "foreignobject", "iframe", "object",
			"embed", "handler", "listener", "animate", "set", "animatemotion", "animatetransform");
	private static final Pattern OUTSIDE_URL = Pattern.compile("url\\s*\\(\\s*['\"]?\\s*(?!#)", Pattern.CASE_INSENSITIVE);
	private static final Pattern IMPORT = Pattern.compile("@import", Pattern.CASE_INSENSITIVE);

	private InertImages() {
	}

	/** The image's media type, once it passes the rules and is at most {@code maxBytes} long. */
	public static String check(byte[] content, int maxBytes) {
		checkLength(content, maxBytes);
		if (startsWith(content, PNG_SIGNATURE)) {
			checkPng(content);
			return PNG;
		}
		checkSvg(text(content));
		return SVG;
	}

	/**
	 * A picture's media type (a cover's): a PNG, a JPEG or a WebP image that its reader decodes, or an inert SVG, of at
	 * most {@code maxBytes}. Photographs come as JPEG or WebP, which badges and logos have no use for.
	 */
	public static String checkPicture(byte[] content, int maxBytes) {
		checkLength(content, maxBytes);
		if (startsWith(content, PNG_SIGNATURE)) {
			checkPng(content);
			return PNG;
		}
		if (startsWith(content, JPEG_SIGNATURE)) {
			checkRaster(content, "JPEG");
			return JPEG;
		}
		if (isWebp(content)) {
			checkRaster(content, "WebP");
			return WEBP;
		}
		var markup = new String(content, StandardCharsets.UTF_8).stripLeading();
		if (!markup.startsWith("<")) {
			// Not even markup: the SVG parser's complaint would not help someone who uploaded, say, a GIF.
			throw new UnusableImageException("shared.refused.picture-neither-png-jpeg-webp-nor-svg");
		}
		checkSvg(text(content));
		return SVG;
	}

	private static void checkLength(byte[] content, int maxBytes) {
		if (content.length == 0) {
			throw new UnusableImageException("shared.refused.image-empty");
		}
		if (content.length > maxBytes) {
			throw new UnusableImageException("shared.refused.image-most-kb-kb",
					maxBytes / 1024, (content.length + 1023) / 1024);
		}
	}

	private static boolean startsWith(byte[] content, byte[] signature) {
		return content.length >= signature.length
				&& Arrays.equals(Arrays.copyOf(content, signature.length), signature);
	}

	/** RIFF, a length, then WEBP: the container every WebP file starts with. */
	private static boolean isWebp(byte[] content) {
		return content.length >= 12 && new String(content, 0, 4, StandardCharsets.ISO_8859_1).equals("RIFF")
				&& new String(content, 8, 4, StandardCharsets.ISO_8859_1).equals("WEBP");
	}

	/**
	 * Reads the size from the header first and refuses a huge one before decoding, then decodes the whole image: a
	 * file that only starts like a JPEG or WebP is refused here, not in the learner's browser.
	 */
	private static void checkRaster(byte[] content, String format) {
		ImageReader reader = null;
		try (var input = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
			// WebP's reader is taken straight from its provider: ImageIO's registry may not have found it in a fat jar.
			reader = format.equals("WebP") ? new WebPImageReaderSpi().createReaderInstance()
					: ImageIO.getImageReadersByMIMEType(JPEG).next();
			reader.setInput(input, true, true);
			if (reader.getWidth(0) > MAX_PIXELS_A_SIDE || reader.getHeight(0) > MAX_PIXELS_A_SIDE) {
				throw new UnusableImageException("shared.refused.image-most-pixels-side", MAX_PIXELS_A_SIDE);
			}
			reader.read(0);
		}
		catch (IOException | RuntimeException e) {
			if (e instanceof UnusableImageException unusable) {
				throw unusable;
			}
			throw new UnusableImageException("shared.refused.picture-cannot-read-because", format, e.getMessage());
		}
		finally {
			if (reader != null) {
				reader.dispose();
			}
		}
	}

	private static void checkPng(byte[] content) {
		try {
			var image = ImageIO.read(new ByteArrayInputStream(content));
			if (image == null) {
				throw new UnusableImageException("shared.refused.png-cannot-read");
			}
			if (image.getWidth() > MAX_PIXELS_A_SIDE || image.getHeight() > MAX_PIXELS_A_SIDE) {
				throw new UnusableImageException("shared.refused.image-most-pixels-side", MAX_PIXELS_A_SIDE);
			}
		}
		catch (IOException | RuntimeException e) {
			if (e instanceof UnusableImageException unusable) {
				throw unusable;
			}
			throw new UnusableImageException("shared.refused.png-cannot-read-because", e.getMessage());
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
			throw new UnusableImageException("shared.refused.image-neither-png-nor-svg-in-utf-8");
		}
	}

	private static void checkSvg(String svg) {
		var document = parse(svg);
		for (var node = document.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node.getNodeType() == Node.PROCESSING_INSTRUCTION_NODE) {
				throw new UnusableImageException("shared.refused.svg-image-may-not-contain-processing");
			}
		}
		var root = document.getDocumentElement();
		if (!"svg".equals(root.getLocalName()) || !SVG_NAMESPACE.equals(root.getNamespaceURI())) {
			throw new UnusableImageException("shared.refused.image-neither-png-nor-svg");
		}
		check(root);
	}

	private static void check(Element element) {
		var name = element.getLocalName().toLowerCase(Locale.ROOT);
		if (FORBIDDEN_ELEMENTS.contains(name)) {
			throw new UnusableImageException("shared.refused.svg-image-may-not-contain", element.getLocalName());
		}
		if (!SVG_NAMESPACE.equals(element.getNamespaceURI())
				&& !OPEN_BADGES_NAMESPACE.equals(element.getNamespaceURI())) {
			throw new UnusableImageException("shared.refused.svg-image-contains-only-svg-elements",
					element.getTagName());
		}
		if (name.equals("style") && refersOutside(element.getTextContent())) {
			throw new UnusableImageException("shared.refused.svg-image-s-style-may-not");
		}
		var attributes = element.getAttributes();
		for (var i = 0; i < attributes.getLength(); i++) {
			var attribute = attributes.item(i);
			var attributeName = attribute.getLocalName() == null ? attribute.getNodeName() : attribute.getLocalName();
			var value = attribute.getNodeValue().strip();
			if (attributeName.toLowerCase(Locale.ROOT).startsWith("on")) {
				throw new UnusableImageException("shared.refused.svg-image-may-not-have-event",
						attribute.getNodeName());
			}
			if (attributeName.equals("href") && !value.startsWith("#")
					&& !value.matches("(?s)data:image/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\\s]*")) {
				throw new UnusableImageException("shared.refused.svg-image-may-refer-only-own",
						(value.length() > 60 ? value.substring(0, 60) + "…" : value));
			}
			if (refersOutside(value)) {
				throw new UnusableImageException("shared.refused.svg-image-may-not-refer-outside",
						attribute.getNodeName());
			}
		}
		for (var child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child.getNodeType() == Node.ELEMENT_NODE) {
				check((Element) child);
			}
			else if (child.getNodeType() == Node.PROCESSING_INSTRUCTION_NODE) {
				throw new UnusableImageException("shared.refused.svg-image-may-not-contain-processing");
			}
		}
	}

	/** The SVG document, parsed without document type declarations, entities or inclusions. */
	public static Document parse(String svg) {
		try {
			var factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setXIncludeAware(false);
			factory.setExpandEntityReferences(false);
			var builder = factory.newDocumentBuilder();
			builder.setErrorHandler(null);
			return builder.parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
		}
		catch (SAXException | IOException e) {
			throw new UnusableImageException("shared.refused.image-not-well-formed-svg-document", e.getMessage());
		}
		catch (ParserConfigurationException e) {
			throw new IllegalStateException("The JDK's XML parser lacks a needed feature", e);
		}
	}

	private static boolean refersOutside(String text) {
		return OUTSIDE_URL.matcher(text).find() || IMPORT.matcher(text).find()
				|| text.toLowerCase(Locale.ROOT).contains("javascript:");
	}
}
