package io.morsel.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.morsel.MorselIntegrationTest;
import io.morsel.catalog.Block;
import io.morsel.catalog.Covers;
import io.morsel.catalog.LessonContent;
import io.morsel.catalog.LessonId;
import io.morsel.catalog.Lessons;
import io.morsel.catalog.Objective;
import io.morsel.catalog.Programs;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.identity.SignedIn;
import io.morsel.support.People;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Where a learner meets a lesson, it shows its cover: the player's first screen, and Today's next lesson (on the
 * program's card and in "Next up"). The address is that of the version the learner gets, so an upload published later
 * shows at a new address, and the image is decoration (an empty alternative text).
 */
@MorselIntegrationTest
class LessonCoverPlacesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Directory directory;

	@Autowired
	Lessons lessons;

	@Autowired
	Programs programs;

	@Autowired
	Covers covers;

	@Autowired
	Enrolments enrolments;

	CurrentMember author;
	CurrentMember learner;
	LessonId first;
	LessonContent content;

	@BeforeEach
	void aLearnerInAProgramOfTwoLessons() {
		var slug = "cover-places-" + UUID.randomUUID().toString().substring(0, 8);
		jdbc.sql("INSERT INTO organisations (id, slug, name, created_at) VALUES (?, ?, ?, ?)")
			.params(UUID.randomUUID(), slug, "Cover places " + slug, OffsetDateTime.now()).update();
		author = People.member(jdbc, directory, slug, "UTC", "Aura Author", "AUTHOR");
		learner = People.learner(jdbc, directory, slug, "UTC", "Lee Learner");
		content = new LessonContent("Plan a route", new Objective("Plan a day's route."), 3, List.of(),
				List.of(new Block.Text("Start with the farthest stop.")));
		first = lessons.create(author, content).lessonId();
		lessons.publish(author, first);
		var second = lessons.create(author, new LessonContent("Load the van", new Objective("Load a van safely."), 3,
				List.of(), List.of(new Block.Text("Heavy boxes go low.")))).lessonId();
		lessons.publish(author, second);
		var program = programs.create(author.organisationId(), "routes", "Route planning",
				"Drivers plan a day's route in ten minutes", null, true, List.of(first, second));
		enrolments.enrol(Learner.of(learner), program.id());
	}

	@Test
	void theNextLessonAndThePlayersFirstScreenShowTheCoverOfTheVersionTheLearnerGets() throws Exception {
		var pattern = "/covers/lessons/" + first.value() + "/1?v=p";
		assertThat(lessonCovers(page("/today"))).as("the program card's next lesson, then Next up")
			.hasSize(2)
			.allSatisfy(path -> assertThat(path).startsWith(pattern));

		var png = png();
		lessons.saveDraft(author, first, content);
		covers.replaceDraftCover(author.organisationId(), first, png);
		lessons.publish(author, first);

		var today = lessonCovers(page("/today"));
		assertThat(today).hasSize(2).allSatisfy(path -> assertThat(path)
			.startsWith("/covers/lessons/" + first.value() + "/2?v=u"));
		var player = page("/lessons/" + first.value());
		var shown = Pattern.compile("<img class=\"cover lesson-cover\" src=\"([^\"]+)\" alt=\"\"").matcher(player);
		assertThat(shown.find()).as("the player's first screen shows the cover as decoration").isTrue();
		assertThat(unescaped(shown.group(1))).isEqualTo(today.getFirst());
		var served = fetch(today.getFirst());
		assertThat(served.getContentType()).isEqualTo("image/png");
		assertThat(served.getContentAsByteArray()).isEqualTo(png);
	}

	/** The addresses of the lesson covers on a page, each shown with an empty alternative text. */
	private static List<String> lessonCovers(String page) {
		var found = Pattern.compile("<img class=\"cover\" src=\"(/covers/lessons/[^\"]+)\"\\s+alt=\"\"").matcher(page);
		var paths = new ArrayList<String>();
		while (found.find()) {
			paths.add(unescaped(found.group(1)));
		}
		return paths;
	}

	private static String unescaped(String path) {
		return path.replace("&amp;", "&");
	}

	private MockHttpServletResponse fetch(String path) throws Exception {
		return mvc.perform(get(path).with(SignedIn.as(learner))).andReturn().getResponse();
	}

	private String page(String path) throws Exception {
		return fetch(path).getContentAsString(StandardCharsets.UTF_8);
	}

	private static byte[] png() throws Exception {
		var out = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(32, 18, BufferedImage.TYPE_INT_RGB), "png", out);
		return out.toByteArray();
	}
}
