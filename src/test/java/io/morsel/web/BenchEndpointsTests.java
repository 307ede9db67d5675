package io.morsel.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.morsel.MorselIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * bench/run's reference endpoints answer only in the bench profile, which the node checks when it starts (ADR 0022):
 * anywhere else they are missing pages.
 */
@MorselIntegrationTest
class BenchEndpointsTests {

	@Autowired
	MockMvc mvc;

	@Test
	void outsideTheBenchProfileTheReferenceEndpointsAreNotFound() throws Exception {
		mvc.perform(get("/bench/hello")).andExpect(status().isNotFound());
		mvc.perform(get("/bench/row")).andExpect(status().isNotFound());
	}
}
