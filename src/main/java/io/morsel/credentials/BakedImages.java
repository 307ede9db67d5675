package io.morsel.credentials;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import io.morsel.shared.InertImages;
import io.morsel.shared.UnusableImageException;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadataNode;
import javax.xml.XMLConstants;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Baking, as Open Badges 3.0 defines it (§5.3, "Badge Baking"): the credential travels inside its badge image. In a
 * PNG it is the text of one uncompressed {@code iTXt} chunk with the keyword {@code openbadgecredential}; in an SVG it
 * is the content (a CDATA section) of an {@code openbadges:credential} element, namespace
 * {@code https://purl.imsglobal.org/ob/v3p0}, the first child of the root {@code svg} element. A credential in its
 * JWT form would go in that element's {@code verify} attribute instead; extraction reads either. An image already
 * baked is baked again with the new credential, never twice.
 */
public final class BakedImages {

	/** The PNG {@code iTXt} keyword of a baked credential. */
	public static final String PNG_KEYWORD = "openbadgecredential";

	/** The namespace of the SVG {@code credential} element. */
	public static final String SVG_NAMESPACE = "https://purl.imsglobal.org/ob/v3p0";

	private static final String PNG_FORMAT = "javax_imageio_png_1.0";

	private BakedImages() {
	}

	/** The PNG with the credential baked in. */
	public static byte[] png(byte[] png, String credential) {
		try (var in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
			var reader = pngReader();
			reader.setInput(in, true, false);
			var image = reader.readAll(0, null);
			var metadata = image.getMetadata();
			var tree = (IIOMetadataNode) metadata.getAsTree(PNG_FORMAT);
			removeBakedChunks(tree);
			var entry = new IIOMetadataNode("iTXtEntry");
			entry.setAttribute("keyword", PNG_KEYWORD);
			entry.setAttribute("compressionFlag", "FALSE");
			entry.setAttribute("compressionMethod", "0");
			entry.setAttribute("languageTag", "");
			entry.setAttribute("translatedKeyword", "");
			entry.setAttribute("text", credential);
			var chunks = new IIOMetadataNode("iTXt");
			chunks.appendChild(entry);
			tree.appendChild(chunks);
			metadata.setFromTree(PNG_FORMAT, tree);
			var writer = ImageIO.getImageWriter(reader);
			var out = new ByteArrayOutputStream(png.length + credential.length() * 2);
			try (var stream = ImageIO.createImageOutputStream(out)) {
				writer.setOutput(stream);
				writer.write(new IIOImage(image.getRenderedImage(), null, metadata));
			}
			finally {
				writer.dispose();
				reader.dispose();
			}
			return out.toByteArray();
		}
		catch (IOException | IllegalArgumentException e) {
			throw new UnusableImageException("credentials.refused.image-not-png-can-read", e.getMessage());
		}
	}

	/** The credential baked into a PNG, if any. */
	public static Optional<String> fromPng(byte[] png) {
		try (var in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
			var reader = pngReader();
			try {
				reader.setInput(in, true, false);
				var tree = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree(PNG_FORMAT);
				var entries = tree.getElementsByTagName("iTXtEntry");
				for (var i = 0; i < entries.getLength(); i++) {
					var entry = (Element) entries.item(i);
					if (PNG_KEYWORD.equals(entry.getAttribute("keyword"))) {
						return Optional.of(entry.getAttribute("text"));
					}
				}
				return Optional.empty();
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | IllegalArgumentException e) {
			throw new UnusableImageException("credentials.refused.image-not-png-can-read", e.getMessage());
		}
	}

	/** The SVG document with the credential baked in. */
	public static String svg(String svg, String credential) {
		var document = parse(svg);
		var root = document.getDocumentElement();
		if (!"svg".equals(root.getLocalName())) {
			throw new UnusableImageException("credentials.refused.image-not-svg-document");
		}
		var baked = root.getElementsByTagNameNS(SVG_NAMESPACE, "credential");
		while (baked.getLength() > 0) {
			baked.item(0).getParentNode().removeChild(baked.item(0));
		}
		root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:openbadges", SVG_NAMESPACE);
		var element = document.createElementNS(SVG_NAMESPACE, "openbadges:credential");
		element.appendChild(document.createCDATASection(credential));
		root.insertBefore(element, root.getFirstChild());
		try {
			var transformer = TransformerFactory.newInstance().newTransformer();
			transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
			var out = new StringWriter();
			transformer.transform(new DOMSource(document), new StreamResult(out));
			return out.toString();
		}
		catch (TransformerException e) {
			throw new IllegalStateException("An SVG document that was parsed could not be written", e);
		}
	}

	/** The credential baked into an SVG document, if any: the JWT of a {@code verify} attribute, or the JSON. */
	public static Optional<String> fromSvg(String svg) {
		var found = parse(svg).getDocumentElement().getElementsByTagNameNS(SVG_NAMESPACE, "credential");
		if (found.getLength() == 0) {
			return Optional.empty();
		}
		var element = (Element) found.item(0);
		if (element.hasAttribute("verify")) {
			return Optional.of(element.getAttribute("verify"));
		}
		return Optional.of(element.getTextContent().strip());
	}

	/**
	 * Parses an SVG document with a namespace-aware DOM parser that refuses a document type declaration, so no entity
	 * is expanded and nothing outside the document is read.
	 */
	static Document parse(String svg) {
		return InertImages.parse(svg);
	}

	private static ImageReader pngReader() {
		var readers = ImageIO.getImageReadersByFormatName("png");
		if (!readers.hasNext()) {
			throw new IllegalStateException("The JDK has no PNG reader");
		}
		return readers.next();
	}

	private static void removeBakedChunks(IIOMetadataNode tree) throws IIOInvalidTreeException {
		var chunks = tree.getElementsByTagName("iTXt");
		for (var i = chunks.getLength() - 1; i >= 0; i--) {
			var chunk = chunks.item(i);
			var entries = ((Element) chunk).getElementsByTagName("iTXtEntry");
			for (var j = entries.getLength() - 1; j >= 0; j--) {
				var entry = (Element) entries.item(j);
				if (PNG_KEYWORD.equals(entry.getAttribute("keyword"))) {
					chunk.removeChild(entry);
				}
			}
			if (!chunk.hasChildNodes()) {
				chunk.getParentNode().removeChild(chunk);
			}
		}
	}
}
