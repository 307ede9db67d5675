package io.morsel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.morsel.identity.Role;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NavigationEntryTests {

	private final Navigation navigation = new Navigation(List.of(
			NavigationEntry.forEveryone("nav.profile", "/profile", 70),
			NavigationEntry.forRoles("nav.team", "/team", 40, Role.MANAGER, Role.ADMIN),
			NavigationEntry.forRoles("nav.today", "/today", 10, Role.LEARNER),
			NavigationEntry.forRoles("nav.skills", "/skills", 20, Role.LEARNER)));

	@Test
	void aMemberSeesTheLinksOfAnyOfTheirRolesInOrder() {
		assertThat(navigation.shownTo(Set.of(Role.LEARNER))).extracting(NavigationEntry::path)
			.containsExactly("/today", "/skills", "/profile");
		assertThat(navigation.shownTo(Set.of(Role.ADMIN))).extracting(NavigationEntry::path)
			.containsExactly("/team", "/profile");
		assertThat(navigation.shownTo(Set.of())).extracting(NavigationEntry::path).containsExactly("/profile");
	}

	@Test
	void aDeveloperItemIsShownOnlyToThoseWhoSeeDeveloperItems() {
		var withTokens = new Navigation(List.of(NavigationEntry.forEveryone("nav.profile", "/profile", 70),
				NavigationEntry.forDevelopers("nav.tokens", "/tokens", 80)));

		assertThat(withTokens.shownTo(Set.of(Role.LEARNER), false, false)).extracting(NavigationEntry::path)
			.containsExactly("/profile");
		assertThat(withTokens.shownTo(Set.of(Role.LEARNER), false, true)).extracting(NavigationEntry::path)
			.containsExactly("/profile", "/tokens");
	}

	@Test
	void theCurrentLinkIsTheOneLeadingToThePageOrAPageBelowIt() {
		var links = navigation.shownTo(Set.of(Role.LEARNER, Role.MANAGER));

		assertThat(Navigation.current(links, "/skills")).isEqualTo("/skills");
		assertThat(Navigation.current(links, "/team/assignments")).isEqualTo("/team");
		assertThat(Navigation.current(links, "/todayish")).isEmpty();
		assertThat(Navigation.current(links, "/lessons/1")).isEmpty();
	}

	@Test
	void theLongestLinkLeadingToAPageIsCurrent() {
		var links = List.of(NavigationEntry.forEveryone("nav.studio", "/studio", 1),
				NavigationEntry.forEveryone("nav.programs", "/studio/programs", 2));

		assertThat(Navigation.current(links, "/studio/programs/7")).isEqualTo("/studio/programs");
		assertThat(Navigation.current(links, "/studio/lessons")).isEqualTo("/studio");
	}

	@Test
	void rejectsAPathThatIsNotAbsoluteOrCarriesAQuery() {
		assertThatIllegalArgumentException().isThrownBy(() -> NavigationEntry.forEveryone("nav.x", "skills", 1));
		assertThatIllegalArgumentException().isThrownBy(() -> NavigationEntry.forEveryone("nav.x", "/skills?a=1", 1));
		assertThatIllegalArgumentException().isThrownBy(() -> NavigationEntry.forEveryone(" ", "/skills", 1));
	}
}
