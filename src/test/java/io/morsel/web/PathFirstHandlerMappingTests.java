package io.morsel.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which paths are compared by their first word alone, and which are matched in full. */
class PathFirstHandlerMappingTests {

	@Test
	void aPathStartingWithAPlainWordIsComparedByThatWord() {
		assertThat(PathFirstHandlerMapping.firstWord("/lessons/42")).isEqualTo("lessons");
		assertThat(PathFirstHandlerMapping.firstWord("/lessons")).isEqualTo("lessons");
		assertThat(PathFirstHandlerMapping.firstWord("/.well-known/did.json")).isEqualTo(".well-known");
		assertThat(PathFirstHandlerMapping.firstWord("/api/v1/lessons/{id}")).isEqualTo("api");
	}

	@Test
	void variablesWildcardsEncodingsAndParametersAreMatchedInFull() {
		assertThat(PathFirstHandlerMapping.firstWord("/{id}")).isNull();
		assertThat(PathFirstHandlerMapping.firstWord("/**")).isNull();
		assertThat(PathFirstHandlerMapping.firstWord("/les*/x")).isNull();
		assertThat(PathFirstHandlerMapping.firstWord("/le%73sons/42")).isNull();
		assertThat(PathFirstHandlerMapping.firstWord("/lessons;jsessionid=1/42")).isNull();
		assertThat(PathFirstHandlerMapping.firstWord("/")).isNull();
		assertThat(PathFirstHandlerMapping.firstWord("")).isNull();
		assertThat(PathFirstHandlerMapping.firstWord("//lessons")).isNull();
	}
}
