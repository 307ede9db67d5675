package io.morsel.authoring;

import io.morsel.shared.InvalidValueException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.html.JSoupParser;
import org.apache.tika.parser.microsoft.ooxml.OOXMLParser;
import org.apache.tika.parser.pdf.PDFParser;
import org.jspecify.annotations.Nullable;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A document an author imports (PDF, DOCX, PPTX or HTML), read by Apache Tika into Markdown: its headings as
 * {@code #} lines, its paragraphs and list items apart by blank lines. That text then goes the way of a transcript
 * without timestamps ({@link TextTranscriptReader}): cut into lesson-sized parts (at its headings where it has
 * them, see {@link TranscriptSegmenter}), reviewed, and drafted. Only the
 * parsers of those formats are on the classpath (not Tika's standard package); a file of another type, or one they
 * cannot read, is refused with the reason.
 */
final class DocumentText {

	/** What the studio and the API accept as documents, by file name; Markdown and text are read as transcripts. */
	static final Set<String> EXTENSIONS = Set.of("pdf", "docx", "pptx", "html", "htm");

	/** About 200 pages of text: beyond that it is a book, not a source of a few micro-lessons. */
	private static final int MAX_CHARACTERS = 400_000;

	private static final Set<String> BLOCKS = Set.of("p", "li", "div", "td", "th", "pre", "blockquote", "dt", "dd");

	private DocumentText() {
	}

	/** Whether the file is a document to read with Tika, by its name's extension. */
	static boolean isDocument(@Nullable String fileName) {
		if (fileName == null || fileName.lastIndexOf('.') < 0) {
			return false;
		}
		return EXTENSIONS.contains(fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
	}

	/**
	 * The document's text as Markdown.
	 * @throws InvalidValueException when the file is not a PDF, DOCX, PPTX or HTML document, is damaged or protected,
	 * holds no text (a scan), or holds more than a few hundred pages
	 */
	static String markdown(@Nullable String fileName, byte[] bytes) {
		var parser = new AutoDetectParser(new PDFParser(), new OOXMLParser(), new JSoupParser());
		var metadata = new Metadata();
		if (fileName != null) {
			metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
		}
		var handler = new MarkdownHandler();
		try (var in = new ByteArrayInputStream(bytes)) {
			parser.parse(in, handler, metadata, new ParseContext());
		}
		catch (WriteLimitReachedException e) {
			throw tooLong();
		}
		catch (SAXException e) {
			if (handler.full) {
				throw tooLong();
			}
			throw unreadable(metadata, e);
		}
		catch (TikaException e) {
			throw unreadable(metadata, e);
		}
		catch (IOException e) {
			throw new IllegalStateException("Could not read a document held in memory", e);
		}
		var text = handler.text().strip();
		if (text.isEmpty()) {
			throw new InvalidValueException("authoring.refused.document-has-no-text-read-scanned");
		}
		return text + "\n";
	}

	private static InvalidValueException tooLong() {
		return new InvalidValueException("authoring.refused.document-holds-more-than-pages-text",
				MAX_CHARACTERS / 2_000);
	}

	private static InvalidValueException unreadable(Metadata metadata, Exception e) {
		var type = metadata.get(Metadata.CONTENT_TYPE);
		var reason = e.getMessage() == null ? e.getClass().getSimpleName()
				: e.getMessage().lines().findFirst().orElse("");
		return type == null ? new InvalidValueException("authoring.refused.document-unreadable", reason)
				: new InvalidValueException("authoring.refused.document-unreadable-of-type", type, reason);
	}

	/** Tika's XHTML events written down as Markdown: headings, and paragraphs apart by blank lines. */
	private static final class MarkdownHandler extends DefaultHandler {

		private final StringBuilder out = new StringBuilder();
		private final StringBuilder current = new StringBuilder();
		private int heading;
		private int head;
		private boolean full;

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attributes) {
			var name = localName.isEmpty() ? qName : localName;
			if ("head".equals(name)) {
				head++;
			}
			else if (name.length() == 2 && name.charAt(0) == 'h' && Character.isDigit(name.charAt(1))) {
				flush();
				heading = name.charAt(1) - '0';
			}
			else if (BLOCKS.contains(name) || "br".equals(name)) {
				flush();
			}
		}

		@Override
		public void endElement(String uri, String localName, String qName) {
			var name = localName.isEmpty() ? qName : localName;
			if ("head".equals(name)) {
				head--;
				current.setLength(0);
			}
			else if ((name.length() == 2 && name.charAt(0) == 'h' && Character.isDigit(name.charAt(1)))
					|| BLOCKS.contains(name)) {
				flush();
			}
		}

		@Override
		public void characters(char[] ch, int start, int length) throws SAXException {
			if (head > 0) {
				// The title and metadata Tika writes into the head are not the document's text.
				return;
			}
			current.append(ch, start, length);
			if (out.length() + current.length() > MAX_CHARACTERS) {
				full = true;
				throw new SAXException("The document is longer than the import takes");
			}
		}

		private void flush() {
			var text = current.toString().replaceAll("\\s+", " ").strip();
			current.setLength(0);
			if (!text.isEmpty()) {
				if (heading > 0) {
					out.append("#".repeat(Math.min(heading, 6))).append(' ');
				}
				out.append(text).append("\n\n");
			}
			heading = 0;
		}

		String text() {
			flush();
			return out.toString();
		}
	}
}
