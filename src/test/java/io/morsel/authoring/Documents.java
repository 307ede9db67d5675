package io.morsel.authoring;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/** Real documents for the import's tests, written with the libraries Tika reads them with: PDFBox and POI. */
final class Documents {

	private Documents() {
	}

	/** The Markdown's headings and paragraphs, as HTML. */
	static byte[] html(String markdown) {
		var html = new StringBuilder("<!DOCTYPE html><html><head><title>Import</title></head><body>");
		for (var paragraph : paragraphs(markdown)) {
			var level = paragraph.startsWith("## ") ? 2 : paragraph.startsWith("# ") ? 1 : 0;
			var text = paragraph.replaceFirst("^#+\\s+", "").replace("&", "&amp;").replace("<", "&lt;");
			html.append(level == 0 ? "<p>" + text + "</p>" : "<h" + level + ">" + text + "</h" + level + ">");
		}
		return html.append("</body></html>").toString().getBytes(StandardCharsets.UTF_8);
	}

	/** The Markdown's paragraphs, wrapped into lines of a PDF, a blank line apart, page after page. */
	static byte[] pdf(String markdown) throws IOException {
		try (var document = new PDDocument(); var out = new ByteArrayOutputStream()) {
			var font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
			var lines = new ArrayList<String>();
			for (var paragraph : paragraphs(markdown)) {
				lines.addAll(wrap(paragraph.replaceFirst("^#+\\s+", ""), 90));
				lines.add("");
			}
			for (var start = 0; start < lines.size(); start += 50) {
				var page = new PDPage();
				document.addPage(page);
				try (var content = new PDPageContentStream(document, page)) {
					content.beginText();
					content.setFont(font, 10);
					content.setLeading(13);
					content.newLineAtOffset(40, 740);
					for (var line : lines.subList(start, Math.min(lines.size(), start + 50))) {
						content.showText(line.replaceAll("[^\\x20-\\x7e]", " "));
						content.newLine();
					}
					content.endText();
				}
			}
			document.save(out);
			return out.toByteArray();
		}
	}

	/** A PDF of one empty page: what a scan without recognised text reads as. */
	static byte[] emptyPdf() throws IOException {
		try (var document = new PDDocument(); var out = new ByteArrayOutputStream()) {
			document.addPage(new PDPage());
			document.save(out);
			return out.toByteArray();
		}
	}

	/** The Markdown's paragraphs as a Word document, its headings as plain paragraphs. */
	static byte[] docx(String markdown) throws IOException {
		try (var document = new XWPFDocument(); var out = new ByteArrayOutputStream()) {
			for (var paragraph : paragraphs(markdown)) {
				document.createParagraph().createRun().setText(paragraph.replaceFirst("^#+\\s+", ""));
			}
			document.write(out);
			return out.toByteArray();
		}
	}

	/** The Markdown's paragraphs as a Word document, its headings in Word's heading styles ("heading 1" to 6). */
	static byte[] docxWithHeadings(String markdown) throws IOException {
		try (var document = new XWPFDocument(); var out = new ByteArrayOutputStream()) {
			var styles = document.createStyles();
			for (var level = 1; level <= 6; level++) {
				var style = CTStyle.Factory.newInstance();
				style.setStyleId("Heading" + level);
				style.setType(STStyleType.PARAGRAPH);
				style.addNewName().setVal("heading " + level);
				styles.addStyle(new XWPFStyle(style));
			}
			for (var paragraph : paragraphs(markdown)) {
				var level = paragraph.indexOf(' ');
				var heading = paragraph.startsWith("#") && level > 0 && level <= 6;
				var written = document.createParagraph();
				if (heading) {
					written.setStyle("Heading" + level);
				}
				written.createRun().setText(paragraph.replaceFirst("^#+\\s+", "").replaceAll("\\s+", " "));
			}
			document.write(out);
			return out.toByteArray();
		}
	}

	private static List<String> paragraphs(String markdown) {
		return java.util.Arrays.stream(markdown.split("\n\n"))
			.map(String::strip)
			.filter(p -> !p.isEmpty() && !p.equals("---"))
			.toList();
	}

	private static List<String> wrap(String text, int width) {
		var lines = new ArrayList<String>();
		var line = new StringBuilder();
		for (var word : text.split("\\s+")) {
			if (line.length() + word.length() + 1 > width && !line.isEmpty()) {
				lines.add(line.toString());
				line.setLength(0);
			}
			line.append(line.isEmpty() ? "" : " ").append(word);
		}
		lines.add(line.toString());
		return lines;
	}
}
