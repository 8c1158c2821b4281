package org.linli.property.compound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.property.Api.admin;
import static org.linli.property.Api.countyAdmin;
import static org.linli.property.Api.json;
import static org.linli.property.Api.staff;
import static org.linli.property.Api.streetAdmin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import org.bson.Document;
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
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/** Compounds and contracts through the API: scope, no overlapping regular contracts, eviction with fallback, demo. */
@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedInfrastructure
class CompoundsIT {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    ContractExpiry expiry;
    @Autowired
    org.linli.property.sanction.SanctionService sanctions;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @BeforeEach
    void startEmpty() {
        for (String collection : new String[] {"compounds", "companies", "sanctions", "grid_copies", "rankings", "inspections",
                "surveys", "organisation_scores"}) {
            mongo.remove(new org.springframework.data.mongodb.core.query.Query(), collection);
        }
        Api.knownUnits(mongo, "community-a", "community-b");
    }

    @Test
    void aCompoundNeedsAKnownCommunityInTheCallersScopeAndAGridOfThatCommunity() throws Exception {
        mvc.perform(post("/api/v1/compounds").with(countyAdmin()).contentType(MediaType.APPLICATION_JSON)
                        .content(compound("nowhere", null)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("unknown-community"));
        mvc.perform(post("/api/v1/compounds").with(admin("community-b")).contentType(MediaType.APPLICATION_JSON)
                        .content(compound("community-a", null)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/compounds").with(admin("community-a")).contentType(MediaType.APPLICATION_JSON)
                        .content(compound("community-a", "grid-1")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("unknown-grid"));
        mongo.save(new Document("_id", "grid-1").append("communityUnitId", "community-a"), "grid_copies");

        String id = register(admin("community-a"), "community-a", "grid-1");

        mvc.perform(get("/api/v1/compounds/" + id).with(admin("community-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.gridId").value("grid-1"))
                .andExpect(jsonPath("$.kindLabel").value("大产权小区"))
                .andExpect(jsonPath("$.managementMode").value("UNMANAGED"));
        mvc.perform(get("/api/v1/compounds/" + id).with(admin("community-b"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/compounds").with(admin("community-b")))
                .andExpect(jsonPath("$.page.totalElements").value(0));
        mvc.perform(get("/api/v1/compounds/unmanaged").with(admin("community-a")))
                .andExpect(jsonPath("$.content[0].id").value(id));
        JsonNode created = PublishedEvents.awaitFirst(bootstrapServers, Topics.PROPERTY_EVENTS, id, "CompoundCreated");
        PublishedEvents.assertMatchesExample(created, "property-events");
        assertThat(created.at("/payload/communityPath").asString()).isEqualTo(Api.STREET_PATH + "community-a/");
    }

    @Test
    void aCompoundNeverHasTwoOverlappingRegularContractsAndAnEvictionLeavesItWithAFallbackAtOnce() throws Exception {
        String compound = register(admin("community-a"), "community-a", null);
        String evicted = company("劣质物业有限公司", "91350100M000100Y43", false);
        String next = company("另一物业有限公司", "9144030071526726XG", false);
        String stateOwned = company("芜湖国有兜底物业公司", "914403001922038216", true);
        String regular = sign(compound, evicted, "REGULAR", TODAY.minusYears(1), TODAY.plusYears(2))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String contractId = json(regular).get("id").asString();

        sign(compound, next, "REGULAR", TODAY.plusYears(1), TODAY.plusYears(4))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("overlapping-contract"));
        mvc.perform(get("/api/v1/compounds/" + compound).with(staff(evicted))).andExpect(status().isOk());
        mvc.perform(post("/api/v1/compounds/" + compound + "/evictions").with(streetAdmin())
                        .contentType(MediaType.APPLICATION_JSON).content(eviction(stateOwned, 600, 410)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("dismissal-decision-required"));
        mvc.perform(post("/api/v1/sanctions").with(streetAdmin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\": \"YELLOW_CARD\", \"companyId\": \"" + evicted + "\", \"compoundId\": \""
                                + compound + "\", \"reason\": \"整改不力\"}"))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/compounds/" + compound + "/evictions").with(streetAdmin())
                        .contentType(MediaType.APPLICATION_JSON).content(eviction(next, 600, 410)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("not-fallback-qualified"));
        mvc.perform(post("/api/v1/compounds/" + compound + "/evictions").with(streetAdmin())
                        .contentType(MediaType.APPLICATION_JSON).content(eviction(stateOwned, 600, 200)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("consultation-not-agreed"));

        String body = mvc.perform(post("/api/v1/compounds/" + compound + "/evictions").with(streetAdmin())
                        .contentType(MediaType.APPLICATION_JSON).content(eviction(stateOwned, 600, 410)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.fallbackContract.kind").value("FALLBACK"))
                .andExpect(jsonPath("$.fallbackContract.startsOn").value(TODAY.toString()))
                .andExpect(jsonPath("$.sanction.kind").value("EVICTION"))
                .andReturn().getResponse().getContentAsString();
        String fallbackId = json(body).at("/fallbackContract/id").asString();
        String sanctionId = json(body).at("/sanction/id").asString();

        mvc.perform(get("/api/v1/compounds/" + compound).with(admin("community-a")))
                .andExpect(jsonPath("$.managementMode").value("PROFESSIONAL"))
                .andExpect(jsonPath("$.currentContract.id").value(fallbackId))
                .andExpect(jsonPath("$.currentContract.companyId").value(stateOwned))
                .andExpect(jsonPath("$.evictions[0].consultation.agreeingHouseholds").value(410));
        mvc.perform(get("/api/v1/contracts/" + contractId).with(admin("community-a")))
                .andExpect(jsonPath("$.endReason").value("EVICTED"))
                .andExpect(jsonPath("$.endedOn").value(TODAY.minusDays(1).toString()))
                .andExpect(jsonPath("$.inForce").value(false));
        mvc.perform(get("/api/v1/compounds/" + compound).with(staff(evicted))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/compounds/" + compound).with(staff(stateOwned))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/sanctions/" + sanctionId).with(staff(evicted)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("EVICTION"));
        mvc.perform(get("/api/v1/compounds/unmanaged").with(countyAdmin()))
                .andExpect(jsonPath("$.page.totalElements").value(0));
        assertThat(sanctions.restoreEvictionRecords()).isZero();
        mongo.remove(new org.springframework.data.mongodb.core.query.Query(), "sanctions");
        assertThat(sanctions.restoreEvictionRecords()).isEqualTo(1);
        mvc.perform(get("/api/v1/sanctions/" + sanctionId).with(countyAdmin()))
                .andExpect(jsonPath("$.kind").value("EVICTION"))
                .andExpect(jsonPath("$.companyId").value(evicted));

        JsonNode ended = PublishedEvents.awaitFirst(bootstrapServers, Topics.PROPERTY_EVENTS, contractId, "ContractEnded");
        PublishedEvents.assertMatchesExample(ended, "property-events");
        assertThat(ended.at("/payload/reason").asString()).isEqualTo("EVICTED");
        JsonNode started = PublishedEvents.awaitFirst(bootstrapServers, Topics.PROPERTY_EVENTS, fallbackId, "ContractStarted");
        PublishedEvents.assertMatchesExample(started, "property-events");
        assertThat(started.at("/payload/kind").asString()).isEqualTo("FALLBACK");
        JsonNode issued = PublishedEvents.awaitFirst(bootstrapServers, Topics.PROPERTY_EVENTS, sanctionId, "SanctionIssued");
        PublishedEvents.assertMatchesExample(issued, "property-events");
        assertThat(issued.at("/payload/companyId").asString()).isEqualTo(evicted);
    }

    @Test
    void aContractPastItsLastDayExpiresOnceWithItsEvent() throws Exception {
        String compound = register(admin("community-a"), "community-a", null);
        String company = company("到期物业有限公司", "91330100799655058B", false);
        String contract = json(sign(compound, company, "REGULAR", TODAY.minusYears(2), TODAY.minusDays(1))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asString();
        sign(compound, company, "REGULAR", TODAY.minusYears(4), TODAY.minusYears(3)).andExpect(status().isCreated());

        assertThat(expiry.expireContracts()).isEqualTo(2);
        assertThat(expiry.expireContracts()).isZero();
        mvc.perform(get("/api/v1/contracts/" + contract).with(admin("community-a")))
                .andExpect(jsonPath("$.endReason").value("EXPIRED"))
                .andExpect(jsonPath("$.endedOn").value(TODAY.minusDays(1).toString()));
        JsonNode ended = PublishedEvents.awaitFirst(bootstrapServers, Topics.PROPERTY_EVENTS, contract, "ContractEnded");
        assertThat(ended.at("/payload/reason").asString()).isEqualTo("EXPIRED");
        mvc.perform(get("/api/v1/compounds/unmanaged").with(admin("community-a")))
                .andExpect(jsonPath("$.content[0].id").value(compound));
    }

    private String register(RequestPostProcessor caller, String community, String grid) throws Exception {
        String body = mvc.perform(post("/api/v1/compounds").with(caller).contentType(MediaType.APPLICATION_JSON)
                        .content(compound(community, grid)))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return json(body).get("id").asString();
    }

    private String company(String name, String creditCode, boolean stateOwned) throws Exception {
        String body = mvc.perform(post("/api/v1/property-companies").with(countyAdmin())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"name": "%s", "creditCode": "%s", "stateOwned": %s}""".formatted(name, creditCode, stateOwned)))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return json(body).get("id").asString();
    }

    private org.springframework.test.web.servlet.ResultActions sign(String compound, String company, String kind,
                                                                     LocalDate from, LocalDate to) throws Exception {
        return mvc.perform(post("/api/v1/contracts").with(admin("community-a")).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"compoundId": "%s", "companyId": "%s", "kind": "%s", "startsOn": "%s", "endsOn": "%s",
                         "feeStandards": [{"category": "多层住宅", "fenPerSquareMetreMonth": 80},
                                          {"category": "高层住宅", "fenPerSquareMetreMonth": 120}]}"""
                        .formatted(compound, company, kind, from, to)));
    }

    private static String eviction(String fallbackCompany, int participating, int agreeing) {
        return """
                {"consultation": {"heldOn": "%s", "participatingHouseholds": %d, "agreeingHouseholds": %d,
                                  "minutesRef": "minutes/assembly.pdf"},
                 "fallbackCompanyId": "%s", "fallbackEndsOn": "%s", "reason": "服务质量长期不达标，业主投诉集中",
                 "evidenceRefs": ["report/inspection-2026-10.pdf"]}"""
                .formatted(TODAY.minusDays(3), participating, agreeing, fallbackCompany, TODAY.plusMonths(6));
    }

    private static String compound(String community, String grid) {
        return """
                {"name": "檀溪花园", "kind": "COMMERCIAL", "communityUnitId": "%s", %s "households": 860,
                 "lat": 32.01, "lng": 112.14}""".formatted(community, grid == null ? "" : "\"gridId\": \"" + grid + "\",");
    }
}
