package org.linli.grid.emergency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.grid.GridFixture.admin;
import static org.linli.grid.GridFixture.caller;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
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

/** An emergency on micro-grids: commanders named, timeline, closure, handling figures, scope, events. */
@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedInfrastructure
class EmergenciesIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    private String level1;
    private String west;
    private String east;
    private String westWorker;

    @BeforeEach
    void twoMicroGridsOneWithAWorker() throws Exception {
        GridFixture fixture = new GridFixture(mvc, mongo);
        fixture.reset(List.of("grids", "grid_worker_appointments", "emergencies"), "community-a", "community-b");
        level1 = fixture.grid("community-a", "LEVEL_1", "应急一级网格", null, 0, 0, 0.02, 0.02);
        west = fixture.grid("community-a", "MICRO", "西微网格", level1, 0, 0, 0.01, 0.02);
        east = fixture.grid("community-a", "MICRO", "东微网格", level1, 0.01, 0, 0.02, 0.02);
        westWorker = fixture.worker("community-a", west, "王网格", "account-wang");
    }

    @Test
    void eachGridsWorkerCommandsOnSiteAndTheFiguresCountWhatHappened() throws Exception {
        JsonNode declared = json(declare(admin("community-a"), west, east)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.sites[0].gridId").value(west))
                .andExpect(jsonPath("$.sites[0].commanderAppointmentId").value(westWorker))
                .andExpect(jsonPath("$.sites[0].commanderName").value("王网格"))
                .andExpect(jsonPath("$.sites[1].commanderAppointmentId").doesNotExist())
                .andExpect(jsonPath("$.timeline[0].phase").value("DECLARED")));
        String id = declared.get("id").asString();

        update(caller("GRID_WORKER", "community-a", "account-wang"), id, "ON_SITE", west, 0)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sites[0].onSiteAt").exists());
        update(caller("GRID_WORKER", "community-a", "someone-else"), id, "HANDLING", west, 1)
                .andExpect(status().isForbidden());
        update(admin("community-a"), id, "ON_SITE", "not-in-it", 1)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("grid-not-in-emergency"));
        update(admin("community-a"), id, "CONTAINED", null, 0).andExpect(status().isConflict());

        close(id, 1).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.timeline.length()").value(3));
        close(id, 2).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("emergency-closed"));

        mvc.perform(get("/api/v1/emergencies/statistics").param("gridId", level1).with(admin("community-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.incidents").value(1))
                .andExpect(jsonPath("$.sites").value(2))
                .andExpect(jsonPath("$.sitesReached").value(1))
                .andExpect(jsonPath("$.onSiteRate").value(0.5))
                .andExpect(jsonPath("$.initialHandlingRate").value(1.0))
                .andExpect(jsonPath("$.grids.length()").value(2));
        mvc.perform(get("/api/v1/emergencies/statistics").param("gridId", west).with(admin("community-a")))
                .andExpect(jsonPath("$.sites").value(1))
                .andExpect(jsonPath("$.onSiteRate").value(1.0));

        JsonNode event = PublishedEvents.awaitFirst(bootstrapServers, Topics.GRID_EVENTS, id, "EmergencyDeclared");
        PublishedEvents.assertMatchesExample(event, "grid-events");
        assertThat(event.at("/payload/commanderWorkerIds/0").asString()).isEqualTo(westWorker);
        JsonNode closed = PublishedEvents.awaitFirst(bootstrapServers, Topics.GRID_EVENTS, id, "EmergencyClosed");
        PublishedEvents.assertMatchesExample(closed, "grid-events");
        assertThat(closed.at("/payload/outcome").asString()).isEqualTo("CONTAINED");
    }

    @Test
    void anotherCommunityCannotDeclareOnOrReadTheIncident() throws Exception {
        declare(admin("community-b"), west).andExpect(status().isForbidden());
        String id = json(declare(admin("community-a"), west)).get("id").asString();
        mvc.perform(get("/api/v1/emergencies/" + id).with(admin("community-b"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/emergencies").with(admin("community-b")))
                .andExpect(jsonPath("$.page.totalElements").value(0));
        mvc.perform(get("/api/v1/emergencies").with(admin("community-a")))
                .andExpect(jsonPath("$.page.totalElements").value(1));
    }

    @Test
    void refusesAGridNamedTwiceAndAnUnknownKind() throws Exception {
        declare(admin("community-a"), west, west)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("invalid-emergency-grids"));
        mvc.perform(post("/api/v1/emergencies").with(admin("community-a")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\": \"METEOR\", \"title\": \"x\", \"gridIds\": [\"" + west + "\"]}"))
                .andExpect(status().isBadRequest());
    }

    private ResultActions declare(RequestPostProcessor caller, String... grids) throws Exception {
        return mvc.perform(post("/api/v1/emergencies").with(caller).contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\": \"FLOOD\", \"title\": \"暴雨内涝\", \"gridIds\": [\"" + String.join("\", \"", grids)
                        + "\"], \"note\": \"地下车库进水\"}"));
    }

    private ResultActions update(RequestPostProcessor caller, String id, String phase, String gridId, long version)
            throws Exception {
        return mvc.perform(post("/api/v1/emergencies/" + id + "/updates").with(caller)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"phase\": \"" + phase + "\", " + (gridId == null ? "" : "\"gridId\": \"" + gridId + "\", ")
                        + "\"note\": \"已到场\", \"version\": " + version + "}"));
    }

    private ResultActions close(String id, long version) throws Exception {
        return mvc.perform(post("/api/v1/emergencies/" + id + "/closure").with(admin("community-a"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"outcome\": \"CONTAINED\", \"initialHandlingSucceeded\": true, \"version\": " + version + "}"));
    }

    private static JsonNode json(ResultActions result) throws Exception {
        return JsonMapper.builder().build()
                .readTree(result.andReturn().getResponse().getContentAsString());
    }
}
