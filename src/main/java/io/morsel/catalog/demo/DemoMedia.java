package io.morsel.catalog.demo;

import io.morsel.catalog.MediaLibrary;
import io.morsel.identity.CurrentMember;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Uploads the demo media a lesson names as {@code "demo:<file>"} (from {@code demo/media}) into the organisation's
 * media library, once per file, and puts the media ids in their place.
 */
@Component
class DemoMedia {

	private static final Pattern REFERENCE = Pattern.compile("\"demo:([A-Za-z0-9._-]+)\"");

	private final MediaLibrary library;

	DemoMedia(MediaLibrary library) {
		this.library = library;
	}

	/**
	 * @param uploaded demo file name to media id, shared across the lessons of one organisation
	 */
	String resolve(CurrentMember author, String lessonJson, Map<String, String> uploaded) {
		return REFERENCE.matcher(lessonJson).replaceAll(reference -> {
			var file = reference.group(1);
			var id = uploaded.computeIfAbsent(file, name -> upload(author, name));
			return "\"" + id + "\"";
		});
	}

	private String upload(CurrentMember author, String file) {
		var resource = new ClassPathResource("demo/media/" + file);
		try (var in = resource.getInputStream()) {
			return library.store(author, file, in).id().toString();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Demo media " + file + " is missing", e);
		}
	}
}
