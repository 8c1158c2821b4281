package org.linli.grid.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.events.Topics;
import org.linli.grid.GridFixture;
import org.linli.platform.test.EmbeddedInfrastructure;
import org.linli.platform.test.PublishedEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The register import through the API: a batch with duplicates and broken entries, scope, roles, events. */
@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedInfrastructure
class HouseholdImportIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    private String ownBuilding;
    private String otherBuilding;

    @BeforeEach
    void twoCommunitiesWithABuildingEach() throws Exception {
        GridFixture fixture = new GridFixture(mvc, mongo);
        fixture.reset(List.of("grids", "buildings", "households"), "community-a", "community-b");
        String gridA = fixture.grid("community-a", "LEVEL_1", "甲网格", null, 0, 0, 0.01, 0.01);
        String gridB = fixture.grid("community-b", "LEVEL_1", "乙网格", null, 0.01, 0, 0.02, 0.01);
        ownBuilding = fixture.building("community-a", gridA, "1号楼");
        otherBuilding = fixture.building("community-b", gridB, "2号楼");
    }

    @Test
    void importsABatchOnceReportsBrokenEntriesAndEntriesOutsideTheScope() throws Exception {
        List<Map<String, Object>> entries = new ArrayList<>();
        entries.add(entry("R-1", ownBuilding, "1", 3));
        entries.add(entry("R-2", ownBuilding, "1", 1));
        entries.add(entry("R-3", ownBuilding, "9", 2));
        entries.add(entry("R-4", otherBuilding, "1", 2));
        entries.add(entry("R-5", "no-such-building", "1", 2));
        entries.add(entry("R-1", ownBuilding, "1", 3));
        entries.add(entry("R-6", ownBuilding, "1", 21));
        String body = JSON.writeValueAsString(Map.of("households", entries));
        RequestPostProcessor admin = GridFixture.admin("community-a");

        JsonNode first = json(send(body, admin).andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(2))
                .andExpect(jsonPath("$.duplicates").value(1))
                .andExpect(jsonPath("$.errors.length()").value(4))
                .andExpect(jsonPath("$.errors[0].registerId").value("R-3"))
                .andExpect(jsonPath("$.errors[0].code").value("unknown-building-unit"))
                .andExpect(jsonPath("$.errors[1].code").value("outside-scope"))
                .andExpect(jsonPath("$.errors[2].code").value("unknown-building"))
                .andExpect(jsonPath("$.errors[3].code").value("invalid-residents")));
        String household = first.at("/rows/0/householdId").asString();

        mvc.perform(get("/api/v1/households/" + household).with(admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.buildingId").value(ownBuilding))
                .andExpect(jsonPath("$.residents").value(3));
        JsonNode event = PublishedEvents.awaitFirst(bootstrapServers, Topics.GRID_EVENTS, household,
                "HouseholdRegistered");
        PublishedEvents.assertMatchesExample(event, "grid-events");

        send(body, admin).andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(0))
                .andExpect(jsonPath("$.duplicates").value(3));
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), Household.class)).isEqualTo(2);
    }

    @Test
    void gridWorkersAndOtherRolesAreRefusedAndABatchWithoutEntriesOrTooManyIsA400() throws Exception {
        String body = JSON.writeValueAsString(Map.of("households", List.of(entry("R-9", ownBuilding, "1", 2))));
        send(body, GridFixture.caller("GRID_WORKER", "community-a", "worker-1")).andExpect(status().isForbidden());
        send(body, GridFixture.caller("PARTY_MEMBER", "community-a", "member-1")).andExpect(status().isForbidden());

        send("{\"households\": []}", GridFixture.admin("community-a")).andExpect(status().isBadRequest());
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i <= HouseholdImportController.MAX_ENTRIES; i++) {
            tooMany.add(entry("R-" + i, ownBuilding, "1", 2));
        }
        send(JSON.writeValueAsString(Map.of("households", tooMany)), GridFixture.admin("community-a"))
                .andExpect(status().isBadRequest());
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), Household.class)).isZero();
    }

    private static Map<String, Object> entry(String registerId, String building, String unit, int residents) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("registerId", registerId);
        entry.put("buildingId", building);
        entry.put("buildingUnit", unit);
        entry.put("room", "101");
        entry.put("residents", residents);
        entry.put("headName", "住户" + registerId);
        entry.put("phone", "13812345678");
        entry.put("specialGroups", List.of());
        return entry;
    }

    private ResultActions send(String body, RequestPostProcessor who) throws Exception {
        return mvc.perform(post("/api/v1/households/imports").with(who).contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private static JsonNode json(ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString());
    }
}
