package io.morsel.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.MorselIntegrationTest;
import io.morsel.catalog.Programs;
import io.morsel.identity.Directory;
import io.morsel.support.Api;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/** Administrators set the organisation's and each program's cadence defaults; out-of-range values are refused. */
@MorselIntegrationTest
class CadenceApiTests {

	@LocalServerPort
	int port;

	@Autowired
	Directory directory;

	@Autowired
	Programs programs;

	@Autowired
	JsonMapper json;

	@Test
	void aProgramsDefaultsAreSetReadAndRefusedOutsideTheirRanges() {
		var api = Api.on(port);
		var admin = api.token("admin@acme.test", "acme");
		var program = programs.all(directory.organisation("acme").orElseThrow()).getFirst().id().value();
		var path = "/api/v1/delivery/cadence/programs/" + program;
		var body = new HashMap<String, Object>(Map.of("maxPerDay", 2, "maxPerWeek", 6, "quietHours", "21:00-07:00",
				"windows", List.of("08:00-09:00", "12:30-13:00"), "weekdaysOnly", true, "floorDays", 4));

		var put = api.put(admin, path, body);

		assertThat(put.getStatusCode().value()).as(put.getBody()).isEqualTo(200);
		var read = json.readTree(api.get(admin, path).getBody());
		assertThat(read.get("quietHours").asString()).isEqualTo("21:00-07:00");
		assertThat(read.get("windows")).hasSize(2);
		assertThat(read.get("maxPerWeek").asInt()).isEqualTo(6);

		body.put("maxPerDay", 0);
		var tooFew = api.put(admin, path, body);
		assertThat(tooFew.getStatusCode().value()).isEqualTo(400);
		assertThat(json.readTree(tooFew.getBody()).get("detail").asString()).contains("from 1 to 24");
		body.put("maxPerDay", 1);
		body.put("quietHours", "late at night");
		assertThat(api.put(admin, path, body).getStatusCode().value()).isEqualTo(400);

		var globexProgram = programs.all(directory.organisation("globex").orElseThrow()).getFirst().id().value();
		assertThat(api.get(admin, "/api/v1/delivery/cadence/programs/" + globexProgram).getStatusCode().value())
			.isEqualTo(404);
		var manager = api.token("manager@acme.test", "acme");
		assertThat(api.get(manager, path).getStatusCode().value()).isEqualTo(403);
		assertThat(api.get(admin, "/api/v1/delivery/cadence").getStatusCode().value()).isEqualTo(200);
	}

	@Test
	void aSaveThatLeavesOutAPartIsRefusedNamingIt() {
		var api = Api.on(port);
		var admin = api.token("admin@acme.test", "acme");
		var before = api.get(admin, "/api/v1/delivery/cadence").getBody();

		var empty = api.put(admin, "/api/v1/delivery/cadence", Map.of());
		var partial = api.put(admin, "/api/v1/delivery/cadence", Map.of("maxPerDay", 2));

		assertThat(empty.getStatusCode().value()).as(empty.getBody()).isEqualTo(400);
		assertThat(json.readTree(empty.getBody()).at("/errors/0/field").asString()).isEqualTo("maxPerDay");
		assertThat(partial.getStatusCode().value()).as(partial.getBody()).isEqualTo(400);
		assertThat(json.readTree(partial.getBody()).at("/errors/0/field").asString()).isEqualTo("maxPerWeek");
		assertThat(api.get(admin, "/api/v1/delivery/cadence").getBody()).isEqualTo(before);
	}
}
