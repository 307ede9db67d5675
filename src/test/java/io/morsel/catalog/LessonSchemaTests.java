package io.morsel.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** docs/lesson.schema.json describes what Morsel writes and reads: exported lessons and the demo catalog validate. */
class LessonSchemaTests {

	private final ObjectMapper jackson2 = new ObjectMapper();
	private final Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
		.getSchema(read(Path.of("docs/lesson.schema.json")));

	@Test
	void lessonsAsMorselWritesThemMatchTheSchema() throws IOException {
		var json = JsonMapper.builder().build();
		var lesson = json.readValue(Files.readString(Path.of("src/test/resources/catalog/every-block.json")),
				LessonContent.class);

		var errors = schema.validate(jackson2.readTree(json.writeValueAsString(lesson)));

		assertThat(errors).isEmpty();
	}

	@Test
	void everyDemoLessonMatchesTheSchema() throws IOException {
		var folder = Path.of("src/main/resources/demo/lessons");
		List<Path> lessons;
		try (Stream<Path> files = Files.exists(folder) ? Files.list(folder) : Stream.empty()) {
			lessons = files.filter(p -> p.toString().endsWith(".json")).toList();
		}
		for (var lesson : lessons) {
			assertThat(schema.validate(jackson2.readTree(lesson.toFile()))).as(lesson.toString()).isEmpty();
		}
	}

	@Test
	void rejectsTwoObjectivesAndUnknownBlockTypes() throws IOException {
		var lesson = (com.fasterxml.jackson.databind.node.ObjectNode) jackson2
			.readTree(Path.of("src/test/resources/catalog/every-block.json").toFile());
		lesson.put("objective", "Write one. Then another.");
		((com.fasterxml.jackson.databind.node.ArrayNode) lesson.get("blocks")).addObject().put("type", "hologram");

		assertThat(schema.validate(lesson)).isNotEmpty();
	}

	private com.fasterxml.jackson.databind.JsonNode read(Path path) {
		try {
			return jackson2.readTree(path.toFile());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
