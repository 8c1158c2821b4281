package org.linli.property.copies;

import static org.awaitility.Awaitility.await;
import static org.linli.property.Api.countyAdmin;
import static org.linli.property.Api.json;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.events.Topics;
import org.linli.platform.test.EmbeddedInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The producers' pinned events fill property-service's read copies, once however often they arrive: the
 * community and grid a compound is registered in, its owners' committee (formation KPI), the company's party status.
 */
@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedInfrastructure
class EventsInIT {

    private static final String UNIT = "0b7e2c4a-51f9-4c0e-8f1e-9d0a7c3b5e11";
    private static final String GRID = "7e1a9c3b-2d4f-4e6a-8b0c-1d2e3f4a5b61";

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    KafkaTemplate<String, String> kafka;

    @BeforeEach
    void forgetEverything() {
        for (String collection : new String[] {"org_unit_copies", "grid_copies", "committee_copies",
                "company_party_statuses", "compounds", "companies"}) {
            mongo.remove(new Query(), collection);
        }
    }

    @Test
    void aCompoundIsRegisteredInACommunityAndGridKnownFromEventsAndItsCommitteeCountsOnce() throws Exception {
        kafka.send(Topics.ORG_EVENTS, UNIT, pinned("org-events", "OrgUnitCreated")).get();
        kafka.send(Topics.GRID_EVENTS, GRID, pinned("grid-events", "GridCreated")).get();
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.findById(UNIT, Document.class, "org_unit_copies") != null
                && mongo.findById(GRID, Document.class, "grid_copies") != null);

        String compound = json(mvc.perform(post("/api/v1/compounds").with(countyAdmin())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"name": "檀溪花园", "kind": "VILLAGE_BUILT", "communityUnitId": "%s", "gridId": "%s",
                                 "households": 320, "lat": 32.01, "lng": 112.14}""".formatted(UNIT, GRID)))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString()).get("id").asString();
        mvc.perform(post("/api/v1/compounds").with(countyAdmin()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"name": "无委员会小区", "kind": "WORK_UNIT", "communityUnitId": "%s", "households": 80,
                         "lat": 32.01, "lng": 112.14, "modeWithoutCompany": "SELF"}""".formatted(UNIT)))
                .andExpect(status().isCreated());

        String formed = pinned("org-events", "OwnersCommitteeFormed").replace("compound-3", compound);
        kafka.send(Topics.ORG_EVENTS, UNIT, formed).get();
        kafka.send(Topics.ORG_EVENTS, UNIT, formed).get();
        kafka.send(Topics.ORG_EVENTS, UNIT, pinned("org-events", "OwnersCommitteeReElected").replace("compound-3", compound))
                .get();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Document committee = mongo.findById("5c8d1f20-7a3b-4e6f-9b12-3e4f5a6b7c01", Document.class, "committee_copies");
            return committee != null && committee.getInteger("termNumber") == 2;
        });
        kafka.send(Topics.ORG_EVENTS, UNIT, formed.replace("6f1c2a1e-3b7d-4d7e-9a55-0c1f4b1d2e11", "redelivered-older")).get();

        mvc.perform(get("/api/v1/evaluations/kpis").param("unitId", UNIT).with(countyAdmin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.compounds").value(2))
                .andExpect(jsonPath("$.committeeFormation.part").value(1))
                .andExpect(jsonPath("$.committeeFormation.percent").value(50.0))
                .andExpect(jsonPath("$.managementCoverage.part").value(1))
                .andExpect(jsonPath("$.compoundsPerMode.SELF").value(1))
                .andExpect(jsonPath("$.compoundsPerMode.UNMANAGED").value(1));
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.count(
                Query.query(org.springframework.data.mongodb.core.query.Criteria.where("eventId").is("redelivered-older")),
                "processed_events") == 1);
        mvc.perform(get("/api/v1/evaluations/kpis").param("unitId", UNIT).with(countyAdmin()))
                .andExpect(jsonPath("$.committeeFormation.part").value(1));

        kafka.send(Topics.ORG_EVENTS, UNIT, pinned("org-events", "OrgUnitMoved")).get();
        String newPath = "/a3d4e5f6-0000-4000-8000-000000000002/" + UNIT + "/";
        await().atMost(Duration.ofSeconds(20)).until(() ->
                newPath.equals(mongo.findById(compound, Document.class, "compounds").getString("communityPath")));
        mvc.perform(get("/api/v1/compounds/" + compound).with(jwt().jwt(token -> token
                        .claim("roles", List.of("STREET_ADMIN")).claim("org_unit_id", "a3d4e5f6-0000-4000-8000-000000000002")
                        .claim("org_unit_path", "/a3d4e5f6-0000-4000-8000-000000000002/")).authorities(
                        new SimpleGrantedAuthority("ROLE_STREET_ADMIN"))))
                .andExpect(status().isOk());
    }

    @Test
    void aCompanysPartyStatusComesFromOrgService() throws Exception {
        String company = json(mvc.perform(post("/api/v1/property-companies").with(countyAdmin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"襄城红色物业服务有限公司\", \"creditCode\": \"91330100799655058B\"}"))
                .andReturn().getResponse().getContentAsString()).get("id").asString();
        kafka.send(Topics.ORG_EVENTS, company,
                pinned("org-events", "PropertyCompanyPartyStatusChanged").replace("company-8", company)).get();

        await().atMost(Duration.ofSeconds(20)).until(() ->
                mongo.findById(company, Document.class, "company_party_statuses") != null);
        mvc.perform(get("/api/v1/property-companies/" + company).with(countyAdmin()))
                .andExpect(jsonPath("$.partyStatus").value("OWN_BRANCH"));
    }

    private static String pinned(String folder, String type) throws Exception {
        try (InputStream in = EventsInIT.class.getResourceAsStream("/contracts/" + folder + "/" + type + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
