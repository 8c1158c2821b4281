package org.linli.issue.place;

import static org.awaitility.Awaitility.await;
import static org.linli.issue.Seeds.caller;
import static org.linli.issue.Seeds.resident;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.events.Topics;
import org.linli.issue.Seeds;
import org.linli.platform.test.EmbeddedInfrastructure;
import org.linli.platform.test.PublishedEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Huguan's responsible body: property-service's CompoundCreated carries the compound's class, and a housing issue
 * escalated past the street goes to the employer's party organisation of a work-unit compound, and stops at the
 * street for an old one; other categories keep their department.
 */
@SpringBootTest(properties = {"spring.kafka.consumer.group-id=class-routing-it-${random.uuid}",
        "linli.issue.sweep.enabled=false", "linli.issue.grid-service.url=http://127.0.0.1:9"})
@AutoConfigureMockMvc
@EmbeddedInfrastructure
class CompoundClassRoutingIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String EMPLOYER = "employer-party-committee";
    private static final RequestPostProcessor COUNTY = caller("COUNTY_ADMIN", null, "county-admin");

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    KafkaTemplate<String, String> kafka;

    String workUnit;
    String old;

    @BeforeEach
    void compoundsOfEachClassInTheSeededGrid() throws Exception {
        Seeds.replay(kafka, mongo);
        mongo.remove(Query.query(Criteria.where("_id").ne(Seeds.COMPOUND)), "compound_copies");
        workUnit = compound("WORK_UNIT", EMPLOYER, 113.401, 36.2);
        old = compound("OLD_OR_UNMANAGED", null, 113.4, 36.201);
    }

    @Test
    void aHousingIssueInAWorkUnitCompoundEscalatesToTheEmployersPartyOrganisation() throws Exception {
        String issue = report("PROPERTY_REPAIR", 36.2005, 113.4015, workUnit);
        escalateTo(issue, "COMMUNITY");
        escalateTo(issue, "STREET");
        escalateTo(issue, "DEPARTMENT").andExpect(jsonPath("$.responsibleUnitId").value(EMPLOYER));
        mvc.perform(get("/api/v1/issues").with(caller("DEPARTMENT_STAFF", "/" + EMPLOYER + "/", "employer-staff")))
                .andExpect(jsonPath("$.content[?(@.id == '" + issue + "')]").exists());
    }

    @Test
    void aHousingIssueInAnOldCompoundStaysWithTheStreetWhileOtherCategoriesKeepTheirDepartment() throws Exception {
        String housing = report("PROPERTY_REPAIR", 36.2015, 113.4005, old);
        escalateTo(housing, "COMMUNITY");
        escalateTo(housing, "STREET");
        mvc.perform(post("/api/v1/issues/" + housing + "/escalations").with(COUNTY)
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("cannot-escalate"));

        String noise = report("NOISE", 36.2016, 113.4006, old);
        escalateTo(noise, "COMMUNITY");
        escalateTo(noise, "STREET");
        escalateTo(noise, "DEPARTMENT");
    }

    /** The pinned CompoundCreated as another compound of the class, its boundary the 0.001° square from (lng, lat). */
    private String compound(String compoundClass, String responsibleUnitId, double lng, double lat) throws Exception {
        String id = UUID.randomUUID().toString();
        ObjectNode event = (ObjectNode) PublishedEvents.example("property-events", "CompoundCreated").deepCopy();
        event.put("eventId", UUID.randomUUID().toString()).put("aggregateId", id);
        ObjectNode payload = (ObjectNode) event.get("payload");
        payload.put("compoundId", id).put("compoundClass", compoundClass).put("responsibleUnitId", responsibleUnitId)
                .put("lat", lat + 0.0005).put("lng", lng + 0.0005);
        payload.set("boundary", JSON.readTree("""
                {"type": "Polygon", "coordinates": [[[%s, %s], [%s, %s], [%s, %s], [%s, %s], [%s, %s]]]}"""
                .formatted(lng, lat, lng + 0.001, lat, lng + 0.001, lat + 0.001, lng, lat + 0.001, lng, lat)));
        kafka.send(Topics.PROPERTY_EVENTS, id, JSON.writeValueAsString(event)).get();
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.exists(Query.query(Criteria.where("_id").is(id)
                .and("compoundClass").is(compoundClass)), "compound_copies"));
        return id;
    }

    private String report(String category, double lat, double lng, String expectedCompound) throws Exception {
        JsonNode issue = JSON.readTree(mvc.perform(post("/api/v1/issues").with(resident("resident-" + UUID.randomUUID()))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"category": "%s", "description": "楼顶漏水", "lat": %s, "lng": %s}"""
                                .formatted(category, lat, lng)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.compoundId").value(expectedCompound))
                .andReturn().getResponse().getContentAsString());
        return issue.get("id").asString();
    }

    private ResultActions escalateTo(String issue, String level) throws Exception {
        return mvc.perform(post("/api/v1/issues/" + issue + "/escalations").with(COUNTY)
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.level").value(level));
    }
}
