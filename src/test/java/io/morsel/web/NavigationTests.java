package io.morsel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static io.morsel.support.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.morsel.MorselIntegrationTest;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.identity.SignedIn;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The layout's navigation is made of the links the modules contribute (web.NavigationEntry): each member sees the
 * links of their roles, in order, and the link of the page they are on is marked as the current page.
 */
@MorselIntegrationTest
class NavigationTests {

	private static final Pattern LINK = Pattern.compile("<nav[^>]*>.*?</nav>", Pattern.DOTALL);
	private static final Pattern HREF = Pattern.compile("<a href=\"([^\"]+)\"[^>]*>");

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Test
	void aLearnerSeesTodayTheCatalogSkillsAchievementsAndTheLinksEveryMemberHas() throws Exception {
		var learner = member("learner@acme.test");

		// No People: acme shows learners no directory, and the link would lead to a refusal.
		assertThat(links(page("/skills", learner))).containsExactly("/today", "/catalog", "/search", "/skills", "/achievements",
				"/delivery/topics", "/notifications", "/profile");
	}

	@Test
	void aLearnerSeesApiTokensOnlyOnceTheyAskForThemInTheirProfile() throws Exception {
		var learner = directory.member("learner@globex.test", "globex").orElseThrow();
		try {
			var profile = page("/profile", learner);
			mvc.perform(post("/profile/developer-items").param("shown", "true").with(SignedIn.as(learner))
				.with(csrf()));
			var asked = directory.member("learner@globex.test", "globex").orElseThrow();

			assertThat(links(page("/today", learner))).doesNotContain("/tokens");
			assertThat(profile).contains("name=\"shown\"", "Show developer items");
			assertThat(links(page("/today", asked))).endsWith("/profile", "/tokens");
		}
		finally {
			mvc.perform(post("/profile/developer-items").with(SignedIn.as(learner)).with(csrf()));
		}
		assertThat(links(page("/today", directory.member("learner@globex.test", "globex").orElseThrow())))
			.doesNotContain("/tokens");
	}

	@Test
	void aPhoneHasTheFirstFourLinksAtTheBottomAndMoreLeadsToTheRest() throws Exception {
		var page = page("/skills", member("learner@acme.test"));

		var bottom = Pattern.compile("<nav class=\"bottom-nav\"[^>]*>.*?</nav>", Pattern.DOTALL).matcher(page);
		assertThat(bottom.find()).isTrue();
		assertThat(bottom.group()).contains("aria-label=\"Quick links\"", "<a href=\"/today\">Today</a>",
				"<a href=\"/skills\" aria-current=\"page\">Skills</a>", "<a href=\"#site-nav\">More</a>")
			.doesNotContain("/notifications");
		assertThat(page).contains("id=\"site-nav\"");
	}

	@Test
	void eachRoleSeesItsOwnModulesLinks() throws Exception {
		assertThat(links(page("/studio", member("author@acme.test")))).containsExactly("/studio", "/studio/achievements",
				"/retention", "/notifications", "/profile", "/tokens");
		assertThat(links(page("/team", member("manager@acme.test")))).startsWith("/team").doesNotContain("/skills");
		assertThat(links(page("/admin", member("admin@acme.test")))).contains("/admin", "/admin/authoring")
			.doesNotContain("/today", "/studio", "/skills");
	}

	@Test
	void theLinkOfTheCurrentPageIsMarkedAndNoOtherIs() throws Exception {
		var learner = member("learner@acme.test");

		var skills = nav(page("/skills", learner));
		var today = nav(page("/today", learner));
		var profile = nav(page("/profile", learner));

		assertThat(skills).contains("<a href=\"/skills\" aria-current=\"page\">Skills</a>");
		assertThat(skills.split("aria-current", -1)).hasSize(2);
		assertThat(today).contains("<a href=\"/today\" aria-current=\"page\">Today</a>")
			.contains("<a href=\"/skills\">Skills</a>");
		assertThat(profile).contains("<a href=\"/profile\" aria-current=\"page\">Profile</a>")
			.contains("<a href=\"/today\">Today</a>");
	}

	private CurrentMember member(String email) {
		return directory.member(email, "acme").orElseThrow();
	}

	private String page(String path, CurrentMember member) throws Exception {
		var response = mvc.perform(get(path).with(SignedIn.as(member))).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return response.getContentAsString();
	}

	private static String nav(String page) {
		var matcher = LINK.matcher(page);
		assertThat(matcher.find()).isTrue();
		return matcher.group();
	}

	private static List<String> links(String page) {
		var links = new ArrayList<String>();
		var matcher = HREF.matcher(nav(page));
		while (matcher.find()) {
			links.add(matcher.group(1));
		}
		return links;
	}
}
