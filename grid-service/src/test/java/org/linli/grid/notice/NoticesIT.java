package org.linli.grid.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.grid.GridFixture.admin;
import static org.linli.grid.GridFixture.caller;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
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
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/** A notice to a grid subtree: one task per household for its worker, acknowledgements, 100 % delivery. */
@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedInfrastructure
class NoticesIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    private GridFixture fixture;
    private String level1;
    private String west;
    private final List<String> households = new ArrayList<>();

    @BeforeEach
    void aGridWithTwoMicroGridsAndFiveHouseholds() throws Exception {
        fixture = new GridFixture(mvc, mongo);
        fixture.reset(List.of("grids", "buildings", "households", "grid_worker_appointments", "notices",
                "notice_delivery_tasks"), "community-a", "community-b");
        level1 = fixture.grid("community-a", "LEVEL_1", "通知一级网格", null, 0, 0, 0.02, 0.02);
        west = fixture.grid("community-a", "MICRO", "西微网格", level1, 0, 0, 0.01, 0.02);
        String east = fixture.grid("community-a", "MICRO", "东微网格", level1, 0.01, 0, 0.02, 0.02);
        fixture.worker("community-a", west, "王网格", "account-wang");
        fixture.worker("community-a", level1, "李总网格", "account-li");
        String westBuilding = fixture.building("community-a", west, "1号楼");
        String eastBuilding = fixture.building("community-a", east, "2号楼");
        households.clear();
        for (String room : List.of("101", "102", "103")) {
            households.add(fixture.household("community-a", westBuilding, room));
        }
        for (String room : List.of("201", "202")) {
            households.add(fixture.household("community-a", eastBuilding, room));
        }
    }

    @Test
    void aNoticeReachesEveryHouseholdsTaskListAndReportsFullDeliveryOnceAllAcknowledge() throws Exception {
        String notice = GridFixture.id(publish(admin("community-a"), level1, "冬季燃气安全提示")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.households").value(5))
                .andExpect(jsonPath("$.acknowledged").value(0))
                .andExpect(jsonPath("$.deliveredShare").value(0.0))
                .andReturn().getResponse().getContentAsString());

        mvc.perform(get("/api/v1/notices/tasks").param("mine", "true")
                        .with(caller("GRID_WORKER", "community-a", "account-wang")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(3))
                .andExpect(jsonPath("$.content[0].workerName").value("王网格"));
        mvc.perform(get("/api/v1/notices/tasks").param("mine", "true")
                        .with(caller("GRID_WORKER", "community-a", "account-li")))
                .andExpect(jsonPath("$.page.totalElements").value(2));

        for (int i = 0; i < households.size(); i++) {
            acknowledge(notice, households.get(i)).andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("ACKNOWLEDGED"));
            if (i == 1) {
                acknowledge(notice, households.get(i)).andExpect(status().isOk());
                mvc.perform(get("/api/v1/notices/" + notice).with(admin("community-a")))
                        .andExpect(jsonPath("$.acknowledged").value(2))
                        .andExpect(jsonPath("$.deliveredShare").value(0.4))
                        .andExpect(jsonPath("$.timeToFullDelivery").doesNotExist());
            }
        }
        mvc.perform(get("/api/v1/notices/" + notice).with(admin("community-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.acknowledged").value(5))
                .andExpect(jsonPath("$.deliveredShare").value(1.0))
                .andExpect(jsonPath("$.fullyDeliveredAt").exists())
                .andExpect(jsonPath("$.timeToFullDelivery").exists());
        mvc.perform(get("/api/v1/notices/tasks").param("noticeId", notice).param("status", "PENDING")
                        .with(admin("community-a")))
                .andExpect(jsonPath("$.page.totalElements").value(0));

        JsonNode published = PublishedEvents.awaitFirst(bootstrapServers, Topics.GRID_EVENTS, notice,
                "NoticePublished");
        PublishedEvents.assertMatchesExample(published, "grid-events");
        assertThat(published.at("/payload/householdCount").asInt()).isEqualTo(5);
    }

    @Test
    void aNoticeToOneMicroGridReachesOnlyItsHouseholds() throws Exception {
        publish(admin("community-a"), west, "楼道清理通知")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.households").value(3));
    }

    @Test
    void anotherCommunityCanNeitherPublishNorReadNorAcknowledge() throws Exception {
        String notice = GridFixture.id(publish(admin("community-a"), level1, "防汛通知")
                .andReturn().getResponse().getContentAsString());
        publish(admin("community-b"), level1, "越权通知").andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/notices/" + notice).with(admin("community-b"))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/notices/" + notice + "/acknowledgements").with(admin("community-b"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"householdId\": \"" + households.get(0) + "\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/notices").with(admin("community-b")))
                .andExpect(jsonPath("$.page.totalElements").value(0));
        mvc.perform(get("/api/v1/notices").with(caller("RESIDENT", "community-a", "resident-1")))
                .andExpect(status().isForbidden());
    }

    @Test
    void refusesAGridWithoutHouseholdsAndABlankTitleAndAnUnknownHousehold() throws Exception {
        mongo.remove(new Query(), "households");
        publish(admin("community-a"), level1, "空网格通知")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("no-households"));
        publish(admin("community-a"), level1, " ")
                .andExpect(status().isBadRequest());
        publish(admin("community-a"), "no-such-grid", "通知").andExpect(status().isNotFound());
    }

    private ResultActions publish(RequestPostProcessor caller,
                                  String gridId, String title) throws Exception {
        return mvc.perform(post("/api/v1/notices").with(caller).contentType(MediaType.APPLICATION_JSON)
                .content("{\"gridId\": \"" + gridId + "\", \"title\": \"" + title + "\", \"body\": \"请各户注意。\"}"));
    }

    private ResultActions acknowledge(String notice, String household) throws Exception {
        return mvc.perform(post("/api/v1/notices/" + notice + "/acknowledgements")
                .with(caller("GRID_WORKER", "community-a", "account-wang")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"householdId\": \"" + household + "\", \"method\": \"IN_PERSON\"}"));
    }
}
