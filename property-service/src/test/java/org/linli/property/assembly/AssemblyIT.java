package org.linli.property.assembly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.property.Api.admin;
import static org.linli.property.Api.countyAdmin;
import static org.linli.property.Api.json;
import static org.linli.property.Api.streetAdmin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.events.Topics;
import org.linli.platform.test.EmbeddedInfrastructure;
import org.linli.platform.test.MutableClock;
import org.linli.platform.test.PublishedEvents;
import org.linli.property.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/**
 * The owners' decisions through the API with a real store and Kafka: the four cases of issue #16's "Done when"
 * (quorum by area, item 7's three quarters by headcount, item 4 at 51 % enabling the eviction, one buyer's three
 * units counted once), one vote per owner under parallel requests, paper ballots with their audit trail, and
 * the scope (403 for another community's admin and for a resident of another compound).
 */
@SpringBootTest(properties = "linli.property.assembly.close-interval=1h")
@AutoConfigureMockMvc
@EmbeddedInfrastructure
@Import(AssemblyIT.ClockConfig.class)
class AssemblyIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MutableClock clock;
    @Autowired
    AssemblyService assembly;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @BeforeEach
    void startEmpty() {
        for (String collection : new String[] {"compounds", "companies", "sanctions", "owners_registers",
                "assembly_decisions", "assembly_ballots"}) {
            mongo.remove(new Query(), collection);
        }
        Api.knownUnits(mongo, "community-a", "community-b");
    }

    @Test
    void seventyPercentOfTheOwnersHoldingSixtyPercentOfTheAreaFailOnQuorum() throws Exception {
        String compound = compound("community-a");
        // ten owners: seven hold 60 m² of 100 m², three hold 40 m²
        List<String> areas = List.of("8", "8", "8", "8", "8", "8", "12", "13", "13", "14");
        putRegister(compound, owners(10), units(areas)).andExpect(status().isOk())
                .andExpect(jsonPath("$.totalOwners").value(10))
                .andExpect(jsonPath("$.totalAreaCm2").value(1_000_000));
        String decision = call(compound, "MANAGEMENT_STATUTE", null, null);
        for (int i = 0; i < 7; i++) {
            vote(decision, i, "AGREE").andExpect(status().isCreated());
        }

        JsonNode result = closed(decision, admin("community-a")).get("result");

        assertThat(result.get("verdict").asString()).isEqualTo("FAILED_QUORUM");
        assertMeasure(result, 0, "PARTICIPATING_AREA", 600_000, 1_000_000, "TWO_THIRDS", false);
        assertMeasure(result, 1, "PARTICIPATING_OWNERS", 7, 10, "TWO_THIRDS", true);
        JsonNode event = PublishedEvents.awaitFirst(bootstrapServers, Topics.PROPERTY_EVENTS, decision,
                "AssemblyDecisionClosed");
        PublishedEvents.assertMatchesExample(event, "property-events");
        assertThat(event.at("/payload/verdict").asString()).isEqualTo("FAILED_QUORUM");
        assertThat(event.at("/payload/participatingAreaCm2").asLong()).isEqualTo(600_000);
    }

    @Test
    void itemSevenWithEightyPercentOfTheAreaButSeventyPercentOfTheOwnersAgreeingFails() throws Exception {
        String compound = compound("community-a");
        // seven agreeing owners hold 80 m² of 100 m²; three against hold 20 m²
        List<String> areas = List.of("11", "11", "11", "11", "11", "11", "14", "7", "7", "6");
        putRegister(compound, owners(10), units(areas)).andExpect(status().isOk());
        String decision = call(compound, "REBUILD", null, null);
        vote(decision, 0, "AGREE").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("preparation-incomplete"));
        prepare(decision, "COMMITTEE_MOBILISED", committee()).andExpect(status().isOk());
        prepare(decision, "THREE_PARTIES_PROPOSED", committee()).andExpect(status().isOk());
        prepare(decision, "PARTY_COMMITTEE_REVIEWED", committee()).andExpect(status().isForbidden());
        prepare(decision, "PARTY_COMMITTEE_REVIEWED", admin("community-a")).andExpect(status().isOk())
                .andExpect(jsonPath("$.prepared").value(true))
                .andExpect(jsonPath("$.preparation[0].accountId").value("owner-0"))
                .andExpect(jsonPath("$.preparation[2].stepLabel").value("社区党委审核"));
        for (int i = 0; i < 10; i++) {
            vote(decision, i, i < 7 ? "AGREE" : "AGAINST").andExpect(status().isCreated());
        }

        JsonNode result = closed(decision, committee()).get("result");

        assertThat(result.get("verdict").asString()).isEqualTo("FAILED_MAJORITY");
        assertMeasure(result, 2, "AGREEING_AREA", 800_000, 1_000_000, "THREE_QUARTERS", true);
        assertMeasure(result, 3, "AGREEING_OWNERS", 7, 10, "THREE_QUARTERS", false);
    }

    @Test
    void itemFourWithFiftyOnePercentOfAreaAndOwnersPassesAndEnablesTheEviction() throws Exception {
        String compound = compound("community-a");
        String evicted = company("劣质物业有限公司", "91350100M000100Y43", false);
        String stateOwned = company("国有兜底物业公司", "914403001922038216", true);
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
        mvc.perform(post("/api/v1/contracts").with(admin("community-a")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"compoundId": "%s", "companyId": "%s", "kind": "REGULAR", "startsOn": "%s",
                                 "endsOn": "%s", "feeStandards": []}""".formatted(compound, evicted,
                                today.minusYears(1), today.plusYears(2))))
                .andExpect(status().isCreated());
        putRegister(compound, owners(100), units(java.util.Collections.nCopies(100, "90.5"))).andExpect(status().isOk());
        mvc.perform(post("/api/v1/compounds/" + compound + "/evictions").with(streetAdmin())
                        .contentType(MediaType.APPLICATION_JSON).content(eviction(null, stateOwned, today)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("dismissal-decision-required"));
        String decision = call(compound, "PROPERTY_COMPANY", "DISMISS", evicted);
        prepare(decision, "COMMITTEE_MOBILISED", admin("community-a")).andExpect(status().isOk());
        prepare(decision, "THREE_PARTIES_PROPOSED", admin("community-a")).andExpect(status().isOk());
        prepare(decision, "PARTY_COMMITTEE_REVIEWED", admin("community-a")).andExpect(status().isOk());
        for (int i = 0; i < 100; i++) {
            if (i % 2 == 0) {
                vote(decision, i, countAgree(i) ? "AGREE" : "AGAINST").andExpect(status().isCreated());
            } else {
                paper(decision, "owner-" + i, countAgree(i) ? "AGREE" : "AGAINST", "No." + i, committee())
                        .andExpect(status().isCreated());
            }
        }
        mvc.perform(post("/api/v1/compounds/" + compound + "/evictions").with(streetAdmin())
                        .contentType(MediaType.APPLICATION_JSON).content(eviction(decision, stateOwned, today)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("decision-not-passed"));

        JsonNode result = closed(decision, admin("community-a")).get("result");

        assertThat(result.get("verdict").asString()).isEqualTo("PASSED");
        assertMeasure(result, 2, "AGREEING_AREA", 51 * 905_000L, 100 * 905_000L, "MORE_THAN_HALF", true);
        assertMeasure(result, 3, "AGREEING_OWNERS", 51, 100, "MORE_THAN_HALF", true);
        JsonNode ballots = json(mvc.perform(get("/api/v1/assembly-decisions/" + decision + "/ballots")
                        .param("size", "200").with(committee()))
                .andExpect(jsonPath("$.page.totalElements").value(100))
                .andReturn().getResponse().getContentAsString()).get("content");
        assertThat(ballots.valueStream().filter(b -> b.get("ownerId").asString().equals("owner-1")).toList())
                .singleElement().satisfies(paper -> {
                    assertThat(paper.get("channel").asString()).isEqualTo("PAPER");
                    assertThat(paper.get("ballotNumber").asString()).isEqualTo("No.1");
                    assertThat(paper.get("enteredBy").asString()).isEqualTo("owner-0");
                });
        LocalDate evictionDay = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
        String elsewhere = compound("community-a");
        mvc.perform(post("/api/v1/compounds/" + elsewhere + "/evictions").with(streetAdmin())
                        .contentType(MediaType.APPLICATION_JSON).content(eviction(decision, stateOwned, evictionDay)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("decision-of-another-compound"));
        mvc.perform(post("/api/v1/compounds/" + compound + "/evictions").with(streetAdmin())
                        .contentType(MediaType.APPLICATION_JSON).content(eviction(decision, stateOwned, evictionDay)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.eviction.decisionId").value(decision))
                .andExpect(jsonPath("$.eviction.companyId").value(evicted))
                .andExpect(jsonPath("$.fallbackContract.companyId").value(stateOwned));
    }

    @Test
    void oneBuyersThreeUnitsCountOnceAndAnOwnerVotesOnceEvenWithParallelRequests() throws Exception {
        String compound = compound("community-a");
        String owners = owners(3);
        String units = """
                [{"number": "1-101", "area": 89.3725, "ownerId": "owner-0"},
                 {"number": "1-102", "area": 89.3725, "ownerId": "owner-0"},
                 {"number": "1-103", "area": 120, "ownerId": "owner-0"},
                 {"number": "2-101", "area": 100, "ownerId": "owner-1"},
                 {"number": "2-102", "area": 100, "ownerId": "owner-2"},
                 {"number": "3-101", "area": 95, "developerHeld": true},
                 {"number": "3-102", "area": 95, "developerHeld": true}]""";
        putRegister(compound, owners, units).andExpect(status().isOk())
                .andExpect(jsonPath("$.totalOwners").value(4))
                .andExpect(jsonPath("$.headcount[0].units").value(3))
                .andExpect(jsonPath("$.headcount[0].areaCm2").value(2_987_450))
                .andExpect(jsonPath("$.headcount[3].key").value("developer"))
                .andExpect(jsonPath("$.units[0].area").value(89.3725));
        String decision = call(compound, "USE_MAINTENANCE_FUNDS", null, null);

        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Callable<Integer> voteOnce = () -> vote(decision, 0, "AGREE").andReturn().getResponse().getStatus();
            answers.add(pool.submit(voteOnce));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();
        assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 422);
        paper(decision, "owner-0", "AGAINST", "No.9", committee()).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("already-voted"));
        paper(decision, "developer", "AGAINST", "No.1", committee()).andExpect(status().isCreated());
        paper(decision, "owner-1", "AGREE", "No.1", committee()).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("ballot-number-used"));
        paper(decision, "owner-1", "AGREE", "No.2", resident("owner-1")).andExpect(status().isForbidden());
        vote(decision, 2, "ABSTAIN").andExpect(status().isCreated());

        JsonNode closed = closed(decision, admin("community-a"));

        assertThat(closed.get("totalOwners").asLong()).isEqualTo(4);
        assertMeasure(closed.get("result"), 1, "PARTICIPATING_OWNERS", 3, 4, "TWO_THIRDS", true);
        vote(decision, 1, "AGREE").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("voting-closed"));
    }

    @Test
    void anOwnerDownloadsOwnRegisterEntryUnitsAndBallotsAndNoOneElses() throws Exception {
        String compound = compound("community-a");
        putRegister(compound, owners(3), units(List.of("100", "80.5", "90"))).andExpect(status().isOk());
        String decision = call(compound, "USE_MAINTENANCE_FUNDS", null, null);
        vote(decision, 2, "ABSTAIN").andExpect(status().isCreated());
        vote(decision, 1, "AGREE").andExpect(status().isCreated());

        mvc.perform(get("/api/v1/personal-data/property").with(resident("owner-2")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ownersRegisters.length()").value(1))
                .andExpect(jsonPath("$.ownersRegisters[0].compoundId").value(compound))
                .andExpect(jsonPath("$.ownersRegisters[0].name").value("业主2"))
                .andExpect(jsonPath("$.ownersRegisters[0].units.length()").value(1))
                .andExpect(jsonPath("$.ownersRegisters[0].units[0].number").value("2"))
                .andExpect(jsonPath("$.assemblyBallots.length()").value(1))
                .andExpect(jsonPath("$.assemblyBallots[0].decisionId").value(decision))
                .andExpect(jsonPath("$.assemblyBallots[0].choice").value("ABSTAIN"));
        mvc.perform(get("/api/v1/personal-data/property").with(resident("not-an-owner")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ownersRegisters.length()").value(0))
                .andExpect(jsonPath("$.assemblyBallots.length()").value(0));
    }

    @Test
    void theResultIsPublicToTheCompoundsOwnersOnlyAndManagedWithinScope() throws Exception {
        String compound = compound("community-a");
        String other = compound("community-b");
        putRegister(compound, owners(3), units(List.of("80", "80", "80"))).andExpect(status().isOk());
        mvc.perform(put("/api/v1/compounds/" + other + "/owners-register").with(admin("community-b"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"owners": [{"id": "x", "name": "外小区业主", "accountId": "outsider"}],
                                 "units": [{"number": "1", "area": 70, "ownerId": "x"}]}"""))
                .andExpect(status().isOk());
        putRegister(compound, owners(1), units(List.of("80"))).andExpect(status().isOk());
        putRegister(compound, owners(3), units(List.of("80", "80", "80"))).andExpect(status().isOk());
        mvc.perform(put("/api/v1/compounds/" + compound + "/owners-register").with(admin("community-b"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"owners\": [], \"units\": []}"))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/compounds/" + compound + "/owners-register").with(admin("community-a"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"owners": [], "units": [{"number": "1", "area": 80.123456}]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid-request"));
        mvc.perform(put("/api/v1/compounds/" + compound + "/owners-register").with(admin("community-a"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"owners": [], "units": [{"number": "1", "area": 80, "ownerId": "nobody"}]}"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("unknown-owner"));
        mvc.perform(post("/api/v1/assembly-decisions").with(admin("community-b")).contentType(MediaType.APPLICATION_JSON)
                        .content(callBody(compound, "MANAGEMENT_STATUTE", null, null)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/assembly-decisions").with(admin("community-a")).contentType(MediaType.APPLICATION_JSON)
                        .content(callBody(compound, "MANAGEMENT_STATUTE", "DISMISS", "c")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("company-action-mismatch"));
        String decision = call(compound, "MANAGEMENT_STATUTE", null, null);
        for (int i = 0; i < 3; i++) {
            vote(decision, i, "AGREE").andExpect(status().isCreated());
        }
        closed(decision, admin("community-a"));

        mvc.perform(get("/api/v1/assembly-decisions/" + decision).with(resident("owner-2")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.result.verdict").value("PASSED"))
                .andExpect(jsonPath("$.result.measures[3].thresholdLabel").value("> 1/2"));
        mvc.perform(get("/api/v1/assembly-decisions").param("compoundId", compound).with(resident("owner-1")))
                .andExpect(jsonPath("$.content[0].id").value(decision));
        mvc.perform(get("/api/v1/assembly-decisions/" + decision).with(resident("outsider")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/assembly-decisions").param("compoundId", compound).with(resident("outsider")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/assembly-decisions/" + decision).with(admin("community-b")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/assembly-decisions/" + decision + "/votes").with(resident("outsider"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"choice\": \"AGREE\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/compounds/" + compound + "/owners-register").with(resident("owner-1")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/compounds/" + compound + "/owners-register").with(committee()))
                .andExpect(status().isOk());
    }

    @Test
    void theSchedulerClosesADueVoteOnceAndAVoteBeforeTheWindowIsRefused() throws Exception {
        String compound = compound("community-a");
        putRegister(compound, owners(3), units(List.of("80", "80", "80"))).andExpect(status().isOk());
        Instant now = clock.instant();
        String later = json(mvc.perform(post("/api/v1/assembly-decisions").with(committee())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"compoundId": "%s", "matter": "RULES_OF_PROCEDURE", "title": "议事规则",
                                 "opensAt": "%s", "closesAt": "%s"}""".formatted(compound, now.plus(Duration.ofDays(1)),
                                now.plus(Duration.ofDays(2)))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asString();
        vote(later, 1, "AGREE").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("voting-not-open"));
        clock.advance(Duration.ofDays(1));
        vote(later, 1, "AGREE").andExpect(status().isCreated());
        clock.advance(Duration.ofDays(1).plus(Decision.CLOSE_GRACE));

        assertThat(assembly.closeDue()).isGreaterThanOrEqualTo(1);
        assertThat(assembly.closeDue()).isZero();
        mvc.perform(get("/api/v1/assembly-decisions/" + later).with(resident("owner-1")))
                .andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.result.verdict").value("FAILED_QUORUM"));
    }

    @Test
    void aNewContractCitesTheOwnersPassedSelectionOfThatCompany() throws Exception {
        String compound = compound("community-a");
        String chosen = company("业主选聘物业有限公司", "91350100M000100Y43", false);
        String other = company("另一物业有限公司", "9144030071526726XG", false);
        putRegister(compound, owners(3), units(List.of("80", "80", "80"))).andExpect(status().isOk());
        String decision = call(compound, "PROPERTY_COMPANY", "SELECT", chosen);
        for (String step : List.of("COMMITTEE_MOBILISED", "THREE_PARTIES_PROPOSED", "PARTY_COMMITTEE_REVIEWED")) {
            prepare(decision, step, admin("community-a")).andExpect(status().isOk());
        }
        for (int i = 0; i < 3; i++) {
            vote(decision, i, "AGREE").andExpect(status().isCreated());
        }
        closed(decision, committee());
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));

        mvc.perform(post("/api/v1/contracts").with(admin("community-a")).contentType(MediaType.APPLICATION_JSON)
                        .content(contract(compound, other, decision, today)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("decision-not-for-company"));
        mvc.perform(post("/api/v1/contracts").with(admin("community-a")).contentType(MediaType.APPLICATION_JSON)
                        .content(contract(compound, chosen, decision, today)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.decisionId").value(decision));
        mvc.perform(post("/api/v1/compounds/" + compound + "/evictions").with(streetAdmin())
                        .contentType(MediaType.APPLICATION_JSON).content(eviction(decision, other, today)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("not-a-dismissal"));
    }

    private static String contract(String compound, String company, String decision, LocalDate today) {
        return """
                {"compoundId": "%s", "companyId": "%s", "kind": "REGULAR", "startsOn": "%s", "endsOn": "%s",
                 "feeStandards": [], "decisionId": "%s"}""".formatted(compound, company, today, today.plusYears(3),
                decision);
    }

    /** Owners 0..50 agree, 51 of 100. */
    private static boolean countAgree(int i) {
        return i <= 50;
    }

    private JsonNode closed(String decision, RequestPostProcessor by) throws Exception {
        mvc.perform(post("/api/v1/assembly-decisions/" + decision + "/closing").with(by))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("voting-still-open"));
        clock.advance(Duration.ofDays(8));
        return json(mvc.perform(post("/api/v1/assembly-decisions/" + decision + "/closing").with(by))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"))
                .andReturn().getResponse().getContentAsString());
    }

    private static void assertMeasure(JsonNode result, int index, String name, long part, long base, String threshold,
                                      boolean met) {
        JsonNode measure = result.get("measures").get(index);
        assertThat(measure.get("name").asString()).isEqualTo(name);
        assertThat(measure.get("part").asLong()).isEqualTo(part);
        assertThat(measure.get("base").asLong()).isEqualTo(base);
        assertThat(measure.get("threshold").asString()).isEqualTo(threshold);
        assertThat(measure.get("met").asBoolean()).isEqualTo(met);
    }

    private String compound(String community) throws Exception {
        return json(mvc.perform(post("/api/v1/compounds").with(admin(community)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "檀溪花园", "kind": "COMMERCIAL", "communityUnitId": "%s", "households": 100,
                                 "lat": 32.01, "lng": 112.14}""".formatted(community)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asString();
    }

    private String company(String name, String creditCode, boolean stateOwned) throws Exception {
        return json(mvc.perform(post("/api/v1/property-companies").with(countyAdmin())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"name": "%s", "creditCode": "%s", "stateOwned": %s}""".formatted(name, creditCode,
                                stateOwned)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asString();
    }

    /** Owners owner-0 … owner-(n-1), each with their own account of the same id; owner-0 sits on the committee. */
    private static String owners(int n) {
        List<String> owners = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            owners.add("{\"id\": \"owner-%d\", \"name\": \"业主%d\", \"accountId\": \"owner-%d\", \"committeeMember\": %s}"
                    .formatted(i, i, i, i == 0));
        }
        return "[" + String.join(",", owners) + "]";
    }

    /** One unit per owner, owner-i holding the i-th area (m²). */
    private static String units(List<String> areas) {
        List<String> units = new ArrayList<>();
        for (int i = 0; i < areas.size(); i++) {
            units.add("{\"number\": \"%d\", \"area\": %s, \"ownerId\": \"owner-%d\"}".formatted(i, areas.get(i), i));
        }
        return "[" + String.join(",", units) + "]";
    }

    private ResultActions putRegister(String compound, String owners, String units) throws Exception {
        return mvc.perform(put("/api/v1/compounds/" + compound + "/owners-register").with(admin("community-a"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"developerName\": \"某置业\", \"owners\": " + owners + ", \"units\": " + units + "}"));
    }

    private String call(String compound, String matter, String action, String company) throws Exception {
        return json(mvc.perform(post("/api/v1/assembly-decisions").with(committee())
                        .contentType(MediaType.APPLICATION_JSON).content(callBody(compound, matter, action, company)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asString();
    }

    private String callBody(String compound, String matter, String action, String company) {
        Instant now = clock.instant();
        return """
                {"compoundId": "%s", "matter": "%s", "title": "表决", %s "opensAt": "%s", "closesAt": "%s"}"""
                .formatted(compound, matter, action == null ? ""
                        : "\"companyAction\": \"" + action + "\", \"companyId\": \"" + company + "\",",
                        now, now.plus(Duration.ofDays(7)));
    }

    private ResultActions prepare(String decision, String step, RequestPostProcessor by) throws Exception {
        return mvc.perform(post("/api/v1/assembly-decisions/" + decision + "/preparation-steps").with(by)
                .contentType(MediaType.APPLICATION_JSON).content("{\"step\": \"" + step + "\", \"note\": \"记录\"}"));
    }

    private ResultActions vote(String decision, int owner, String choice) throws Exception {
        return mvc.perform(post("/api/v1/assembly-decisions/" + decision + "/votes").with(resident("owner-" + owner))
                .contentType(MediaType.APPLICATION_JSON).content("{\"choice\": \"" + choice + "\"}"));
    }

    private ResultActions paper(String decision, String owner, String choice, String number, RequestPostProcessor by)
            throws Exception {
        return mvc.perform(post("/api/v1/assembly-decisions/" + decision + "/paper-ballots").with(by)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"ownerId": "%s", "choice": "%s", "ballotNumber": "%s"}""".formatted(owner, choice, number)));
    }

    private static String eviction(String decision, String fallback, LocalDate today) {
        return """
                {%s "fallbackCompanyId": "%s", "fallbackEndsOn": "%s", "reason": "业主大会依法解聘"}"""
                .formatted(decision == null ? "" : "\"decisionId\": \"" + decision + "\",", fallback,
                        today.plusMonths(6));
    }

    /** owner-0 of the registers: a resident with a seat on the owners' committee. */
    private static RequestPostProcessor committee() {
        return resident("owner-0");
    }

    private static RequestPostProcessor resident(String account) {
        return jwt().jwt(token -> token.subject(account).claim("roles", List.of("RESIDENT"))
                        .claim("preferred_username", account).claim("org_unit_id", "community-a")
                        .claim("org_unit_path", Api.STREET_PATH + "community-a/"))
                .authorities(new SimpleGrantedAuthority("ROLE_RESIDENT"));
    }

    /** A clock the test moves past a vote's closing time. */
    @TestConfiguration(proxyBeanMethods = false)
    static class ClockConfig {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(Instant.now());
        }
    }
}
