package org.linli.property.patrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.linli.property.Api.admin;
import static org.linli.property.Api.countyAdmin;
import static org.linli.property.Api.json;
import static org.linli.property.Api.streetAdmin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.events.Topics;
import org.linli.platform.test.EmbeddedInfrastructure;
import org.linli.platform.test.PublishedEvents;
import org.linli.property.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * 包保 through the API: a unit known from org-service's pinned DualRegistrationUnitRegistered is assigned to a
 * compound; a week without a patrol shows on the street's overdue list and KPIs until a patrol is recorded; the
 * compound's focus-list entry names the unit; another community's admin gets 403. Assigning and patrolling publish
 * PatrolAssignmentStarted and PatrolRecorded as pinned (org-service counts them for the unit).
 */
@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedInfrastructure
class PatrolsIT {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    static final String PINNED_UNIT = "c4e2a9d1-7b3f-4e60-8a15-2f9d0c6b7e48";

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    String compound;
    String unitId;

    @BeforeEach
    void aCompoundAndAUnitFromOrgService() throws Exception {
        for (String collection : new String[] {"compounds", "patrol_assignments", "focus_entries", "complaints"}) {
            mongo.remove(new Query(), collection);
        }
        Api.knownUnits(mongo, "community-a", "community-b");
        compound = json(mvc.perform(post("/api/v1/compounds").with(countyAdmin()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "老棉纺厂小区", "kind": "WORK_UNIT", "communityUnitId": "community-a",
                                 "households": 300, "lat": 31.3, "lng": 118.4}"""))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asString();
        unitId = UUID.randomUUID().toString();
        String registered = pinned().replace(PINNED_UNIT, unitId)
                .replace("5b0d7e3c-2f61-4a8e-9c41-7d2e6f0a1b93", UUID.randomUUID().toString());
        kafka.send(Topics.ORG_EVENTS, unitId, registered).get();
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.findById(unitId, org.bson.Document.class,
                "dual_registration_unit_copies") != null);
    }

    @Test
    void aWeekWithoutAPatrolShowsOnTheStreetsDashboardUntilAPatrolIsRecorded() throws Exception {
        String assignment = json(mvc.perform(post("/api/v1/patrol-assignments").with(streetAdmin())
                        .contentType(MediaType.APPLICATION_JSON).content(assign(TODAY.minusDays(10))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.unitName").value("县住房和城乡建设局"))
                .andExpect(jsonPath("$.nextPatrolDueOn").value(TODAY.minusDays(3).toString()))
                .andExpect(jsonPath("$.patrolOverdue").value(true))
                .andReturn().getResponse().getContentAsString()).get("id").asString();

        mvc.perform(get("/api/v1/patrol-assignments/overdue").param("unitId", Api.STREET).with(streetAdmin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].id").value(assignment));
        mvc.perform(get("/api/v1/evaluations/kpis").param("unitId", Api.STREET).with(streetAdmin()))
                .andExpect(jsonPath("$.overduePatrols.part").value(1))
                .andExpect(jsonPath("$.overduePatrols.base").value(1));
        mvc.perform(get("/api/v1/patrol-assignments/overdue").with(admin("community-b")))
                .andExpect(jsonPath("$.page.totalElements").value(0));

        String patrol = """
                {"patrolledOn": "%s", "patrollers": "县住建局 张三、李四", "findings": "3号楼外墙脱落，已通知物业",
                 "problemsFound": true}""".formatted(TODAY);
        mvc.perform(post("/api/v1/patrol-assignments/" + assignment + "/patrols").with(admin("community-b"))
                        .contentType(MediaType.APPLICATION_JSON).content(patrol))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/patrol-assignments/" + assignment).with(admin("community-b")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/patrol-assignments/" + assignment + "/patrols").with(admin("community-a"))
                        .contentType(MediaType.APPLICATION_JSON).content(patrol))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.patrols[0].findings").value("3号楼外墙脱落，已通知物业"))
                .andExpect(jsonPath("$.nextPatrolDueOn").value(TODAY.plusDays(7).toString()))
                .andExpect(jsonPath("$.patrolOverdue").value(false));
        mvc.perform(get("/api/v1/patrol-assignments/overdue").param("unitId", Api.STREET).with(streetAdmin()))
                .andExpect(jsonPath("$.page.totalElements").value(0));
        mvc.perform(get("/api/v1/evaluations/kpis").param("unitId", Api.STREET).with(streetAdmin()))
                .andExpect(jsonPath("$.overduePatrols.part").value(0))
                .andExpect(jsonPath("$.overduePatrols.base").value(1));
        mvc.perform(get("/api/v1/patrol-assignments").param("compoundId", compound).with(admin("community-a")))
                .andExpect(jsonPath("$[0].id").value(assignment));

        JsonNode started = PublishedEvents.awaitFirst(bootstrapServers, Topics.PROPERTY_EVENTS, assignment,
                "PatrolAssignmentStarted");
        PublishedEvents.assertMatchesExample(started, "property-events");
        assertThat(started.at("/payload/unitId").asString()).isEqualTo(unitId);
        assertThat(started.at("/payload/communityUnitId").asString()).isEqualTo("community-a");
        assertThat(started.at("/payload/everyDays").asInt()).isEqualTo(7);
        JsonNode recorded = PublishedEvents.awaitFirst(bootstrapServers, Topics.PROPERTY_EVENTS, assignment,
                "PatrolRecorded");
        PublishedEvents.assertMatchesExample(recorded, "property-events");
        assertThat(recorded.at("/payload/patrolNumber").asInt()).isEqualTo(1);
        assertThat(recorded.at("/payload/patrolledOn").asString()).isEqualTo(TODAY.toString());
        assertThat(recorded.get("aggregateVersion").asLong()).isEqualTo(2);
        assertThat(recorded.toString()).doesNotContain("张三", "外墙");
    }

    @Test
    void theFocusListEntryNamesTheUnitAnsweringForTheCompound() throws Exception {
        mvc.perform(post("/api/v1/patrol-assignments").with(streetAdmin()).contentType(MediaType.APPLICATION_JSON)
                .content(assign(TODAY))).andExpect(status().isCreated());
        for (int i = 0; i < 6; i++) {
            mvc.perform(post("/api/v1/compounds/" + compound + "/complaints").with(admin("community-a"))
                            .contentType(MediaType.APPLICATION_JSON).content("{\"channel\": \"HOTLINE_12345\"}"))
                    .andExpect(status().isCreated());
        }
        mvc.perform(get("/api/v1/compounds/" + compound + "/focus").with(admin("community-a")))
                .andExpect(jsonPath("$.onFocusList").value(true))
                .andExpect(jsonPath("$.patrolUnit.unitId").value(unitId))
                .andExpect(jsonPath("$.patrolUnit.unitName").value("县住房和城乡建设局"))
                .andExpect(jsonPath("$.patrolUnit.patrolOverdue").value(false));
    }

    @Test
    void refusesAnUnknownUnitAnOverlapBadInputAndAnotherCommunitysAdmin() throws Exception {
        mvc.perform(post("/api/v1/patrol-assignments").with(streetAdmin()).contentType(MediaType.APPLICATION_JSON)
                        .content(assign(TODAY).replace(unitId, "no-such-unit")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("unknown-dual-registration-unit"));
        mvc.perform(post("/api/v1/patrol-assignments").with(streetAdmin()).contentType(MediaType.APPLICATION_JSON)
                .content(assign(TODAY))).andExpect(status().isCreated());
        mvc.perform(post("/api/v1/patrol-assignments").with(streetAdmin()).contentType(MediaType.APPLICATION_JSON)
                        .content(assign(TODAY.plusMonths(6))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("overlapping-assignment"));
        mvc.perform(post("/api/v1/patrol-assignments").with(streetAdmin()).contentType(MediaType.APPLICATION_JSON)
                        .content(assign(TODAY.plusYears(2)).replace("\"everyDays\": 7", "\"everyDays\": 400")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("invalid-patrol-frequency"));
        mvc.perform(post("/api/v1/patrol-assignments").with(streetAdmin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"compoundId\": \"" + compound + "\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/patrol-assignments").with(admin("community-a")).contentType(MediaType.APPLICATION_JSON)
                        .content(assign(TODAY.plusYears(2))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/patrol-assignments").param("compoundId", compound).with(admin("community-b")))
                .andExpect(status().isForbidden());
    }

    private String assign(LocalDate startsOn) {
        return """
                {"compoundId": "%s", "unitId": "%s", "startsOn": "%s", "endsOn": "%s", "everyDays": 7}"""
                .formatted(compound, unitId, startsOn, startsOn.plusYears(1));
    }

    private static String pinned() throws Exception {
        try (InputStream in = PatrolsIT.class.getResourceAsStream("/contracts/org-events/DualRegistrationUnitRegistered.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
