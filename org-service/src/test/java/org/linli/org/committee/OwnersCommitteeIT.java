package org.linli.org.committee;

import org.linli.org.member.PartyMemberMother;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.Base64;
import java.util.HexFormat;
import org.linli.platform.protection.KeyedHash;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.junit.jupiter.api.Test;
import org.linli.events.Topics;
import org.linli.org.identity.TestAccounts;
import org.linli.platform.test.EmbeddedInfrastructure;
import org.linli.platform.test.PublishedEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Owners' committees, the negative list, cross-appointments and dual-registration units through the
 * HTTP API, against the in-process Kafka broker and store.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@EmbeddedInfrastructure
class OwnersCommitteeIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final LocalDate TERM_START = TODAY.minusMonths(6);
    private static final String LISTED_ID_NUMBER = "420602198001011239";

    @Autowired
    MockMvc mvc;
    @Autowired
    CommitteeStatistics statistics;
    @Autowired
    KeyedHash keyedHash;
    @Autowired
    LegacyNegativeListHashes legacyHashes;
    @Autowired
    MongoTemplate mongo;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void aCandidateOnTheNegativeListIsRefusedWithTheListedReason() throws Exception {
        String admin = TestAccounts.adminBearer(mvc);
        Street street = street(admin, "真武山街道党工委", "檀溪社区党委");
        String community = street.community(0);
        String streetAdmin = TestAccounts.bearerOf(mvc, admin, "STREET_ADMIN", street.id());
        String reason = "曾因挪用业主共有资金受到处理-" + UUID.randomUUID();

        call(streetAdmin, "/api/v1/owners-committees/negative-list",
                Map.of("name", "孙某", "idNumber", LISTED_ID_NUMBER, "reason", reason))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.idNumber").doesNotExist())
                .andExpect(jsonPath("$.idNumberHash").doesNotExist());
        String compound = "compound-" + UUID.randomUUID();
        List<Map<String, Object>> slate = List.of(member("王建国", "DIRECTOR", true, "420602197505050018"),
                member("孙某", "MEMBER", false, LISTED_ID_NUMBER.toLowerCase()));

        call(admin, "/api/v1/owners-committees", formation(compound, community, slate))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("candidate-on-negative-list"))
                .andExpect(jsonPath("$.type").value("https://linli.example/problems/candidate-on-negative-list"))
                .andExpect(jsonPath("$.title").value("候选人在负面清单中"))
                .andExpect(jsonPath("$.detail").value("候选人 孙某 在负面清单中，不能参选。列入原因：" + reason));
        read(admin, "/api/v1/owners-committees?compoundId=" + compound)
                .andExpect(jsonPath("$.page.totalElements").value(0));
        String listing = read(streetAdmin, "/api/v1/owners-committees/negative-list?size=200")
                .andExpect(jsonPath("$.content[*].reason", hasItem(reason)))
                .andReturn().getResponse().getContentAsString();
        assertThat(listing).doesNotContainIgnoringCase(LISTED_ID_NUMBER).doesNotContain("idNumberHash");
        String communityAdmin = TestAccounts.bearerOf(mvc, admin, "COMMUNITY_ADMIN", community);
        read(communityAdmin, "/api/v1/owners-committees/negative-list").andExpect(status().isForbidden());
    }

    @Test
    void anEntryHashedInHexBeforeTheSharedKeyedHashStillRefusesItsCandidateAfterTheStartRewritesIt() throws Exception {
        String admin = TestAccounts.adminBearer(mvc);
        String community = street(admin, "米公街道党工委", "铁佛寺社区党委").community(0);
        String idNumber = "11010519491231002X";
        String reason = "旧清单-" + UUID.randomUUID();
        String hex = HexFormat.of().formatHex(Base64.getUrlDecoder().decode(keyedHash.of(idNumber)));
        mongo.insert(new org.bson.Document("_id", UUID.randomUUID().toString()).append("name", "钱某")
                .append("idNumberHash", hex).append("reason", reason), "committee_negative_list");

        legacyHashes.run(null);

        call(admin, "/api/v1/owners-committees", formation("compound-" + UUID.randomUUID(), community,
                List.of(member("王建国", "DIRECTOR", true, "420602197505050018"), member("钱某", "MEMBER", false, idNumber))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("candidate-on-negative-list"));
        assertThat(mongo.count(Query.query(Criteria.where("idNumberHash").is(hex)), "committee_negative_list")).isZero();
    }

    @Test
    void formsACommitteeAndReElectsItIntoTheNextTerm() throws Exception {
        String admin = TestAccounts.adminBearer(mvc);
        Street street = street(admin, "庞公街道党工委", "井岗社区党委");
        String community = street.community(0);
        String communityAdmin = TestAccounts.bearerOf(mvc, admin, "COMMUNITY_ADMIN", community);
        String compound = "compound-" + UUID.randomUUID();

        JsonNode formed = body(call(communityAdmin, "/api/v1/owners-committees", formation(compound, community, slate(5, 3)))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, containsString("/api/v1/owners-committees/")))
                .andExpect(jsonPath("$.kindLabel").value("业主委员会"))
                .andExpect(jsonPath("$.currentTerm.number").value(1))
                .andExpect(jsonPath("$.currentTerm.members[0].roleLabel").value("主任"))
                .andExpect(jsonPath("$.currentTerm.members[0].idNumber").doesNotExist())
                .andExpect(jsonPath("$.partyMajority").value(true)));
        String id = formed.get("id").asString();
        mvc.perform(post("/api/v1/owners-committees").header(HttpHeaders.AUTHORIZATION, admin)
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en").contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(formation(compound, community, slate(5, 3)))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("committee-exists"))
                .andExpect(jsonPath("$.detail").value("Compound " + compound
                        + " already has an owners' committee; a new one comes by re-election."));

        LocalDate nextStart = TERM_START.plusMonths(3);
        Map<String, Object> reElection = Map.of("version", formed.get("version").asLong(), "startsOn", nextStart.toString(),
                "endsOn", nextStart.plusYears(5).minusDays(1).toString(), "members", slate(7, 3));
        call(communityAdmin, "/api/v1/owners-committees/" + id + "/re-elections",
                Map.of("version", 99, "startsOn", nextStart.toString(),
                        "endsOn", nextStart.plusYears(5).minusDays(1).toString(), "members", slate(7, 3)))
                .andExpect(status().isConflict());
        JsonNode reElected = body(call(communityAdmin, "/api/v1/owners-committees/" + id + "/re-elections", reElection)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.currentTerm.number").value(2))
                .andExpect(jsonPath("$.currentTerm.memberCount").value(7))
                .andExpect(jsonPath("$.pastTerms[0].number").value(1))
                .andExpect(jsonPath("$.pastTerms[0].closedOn").value(nextStart.minusDays(1).toString()))
                .andExpect(jsonPath("$.partyMajority").value(false)));

        long version = reElected.get("version").asLong();
        call(communityAdmin, "/api/v1/owners-committees/" + id + "/decisions",
                Map.of("version", version, "title", "续聘物业服务企业", "takesEffectOn", TODAY.plusDays(3).toString()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("decision-not-pre-reported"));
        JsonNode decision = body(call(communityAdmin, "/api/v1/owners-committees/" + id + "/decisions",
                Map.of("version", version, "title", "续聘物业服务企业", "takesEffectOn", TODAY.plusDays(7).toString()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("REPORTED"))
                .andExpect(jsonPath("$.reportedOn").value(TODAY.toString())));
        String acknowledgement = "/api/v1/owners-committees/" + id + "/decisions/" + decision.get("id").asString()
                + "/acknowledgement";
        JsonNode answered = body(call(communityAdmin, acknowledgement,
                Map.of("version", decision.get("version").asLong(), "accepted", true))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACKNOWLEDGED")));
        call(communityAdmin, acknowledgement, Map.of("version", answered.get("version").asLong(), "accepted", false))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("decision-already-answered"));

        assertThat(statistics.compoundsWithCommittee(street.path())).containsExactly(compound);
        assertThat(statistics.compoundsWithCommittee(null)).contains(compound);
        assertThat(statistics.activeCommittees(street.path())).isEqualTo(1);
        assertThat(statistics.committeesWithPartyMajority(street.path())).isZero();
    }

    @Test
    void aCommunityAdminOfAnotherCommunityGets403() throws Exception {
        String admin = TestAccounts.adminBearer(mvc);
        Street street = street(admin, "檀溪街道党工委", "檀溪社区党委", "隆中社区党委");
        String community = street.community(0);
        String otherAdmin = TestAccounts.bearerOf(mvc, admin, "COMMUNITY_ADMIN", street.community(1));
        String compound = "compound-" + UUID.randomUUID();
        JsonNode formed = body(call(admin, "/api/v1/owners-committees", formation(compound, community, slate(5, 3)))
                .andExpect(status().isCreated()));
        String id = formed.get("id").asString();

        call(otherAdmin, "/api/v1/owners-committees", formation("compound-" + UUID.randomUUID(), community, slate(5, 3)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://linli.example/problems/forbidden"));
        read(otherAdmin, "/api/v1/owners-committees/" + id).andExpect(status().isForbidden());
        call(otherAdmin, "/api/v1/owners-committees/" + id + "/decisions", Map.of("version", formed.get("version").asLong(),
                "title", "更换物业服务企业", "takesEffectOn", TODAY.plusDays(30).toString()))
                .andExpect(status().isForbidden());
        read(otherAdmin, "/api/v1/owners-committees")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].id", not(hasItem(id))));
        read(admin, "/api/v1/owners-committees?compoundId=" + compound)
                .andExpect(jsonPath("$.content[0].id").value(id));
    }

    @Test
    void theGapReportListsUnitsWithoutAClaimedProjectInTheYear() throws Exception {
        String admin = TestAccounts.adminBearer(mvc);
        Street street = street(admin, "钓鱼台街道党工委", "昭明台社区党委", "北街社区党委");
        String community = street.community(0);
        String other = street.community(1);
        String communityAdmin = TestAccounts.bearerOf(mvc, admin, "COMMUNITY_ADMIN", community);
        call(communityAdmin, "/api/v1/dual-registration/units",
                Map.of("name", "县教育局", "pairedCommunityIds", List.of(community)))
                .andExpect(status().isForbidden());
        JsonNode claiming = registerUnit(admin, "县住建局", community);
        JsonNode idle = registerUnit(admin, "县城管局", community, other);
        String claimingUnit = "/api/v1/dual-registration/units/" + claiming.get("id").asString();

        JsonNode lastYear = body(call(communityAdmin, claimingUnit + "/projects", Map.of("version",
                claiming.get("version").asLong(), "year", 2025, "communityId", community, "title", "背街小巷路灯改造"))
                .andExpect(status().isOk()));
        JsonNode claimed = body(call(communityAdmin, claimingUnit + "/projects", Map.of("version",
                lastYear.get("version").asLong(), "year", 2026, "communityId", community, "title", "老旧小区加装电梯"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.projects[1].status").value("CLAIMED")));
        call(admin, claimingUnit + "/scores", Map.of("version", claimed.get("version").asLong(), "year", 2026,
                "communityId", other, "score", 90))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("not-paired"));
        String otherAdmin = TestAccounts.bearerOf(mvc, admin, "COMMUNITY_ADMIN", other);
        call(otherAdmin, claimingUnit + "/scores", Map.of("version", claimed.get("version").asLong(), "year", 2026,
                "communityId", community, "score", 90))
                .andExpect(status().isForbidden());
        call(communityAdmin, claimingUnit + "/scores", Map.of("version", claimed.get("version").asLong(), "year", 2026,
                "communityId", community, "score", 92))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.yearEndScores[0].score").value(92));

        read(communityAdmin, "/api/v1/dual-registration/gaps?year=2026&size=200")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].id", hasItem(idle.get("id").asString())))
                .andExpect(jsonPath("$.content[*].id", not(hasItem(claiming.get("id").asString()))));
        read(communityAdmin, "/api/v1/dual-registration/gaps?year=2027&size=200")
                .andExpect(jsonPath("$.content[*].id", hasItem(claiming.get("id").asString())));
        read(communityAdmin, "/api/v1/dual-registration/gaps?year=2025&size=200")
                .andExpect(jsonPath("$.content[*].id", not(hasItem(claiming.get("id").asString()))));
        read(otherAdmin, "/api/v1/dual-registration/gaps?year=2026&size=200")
                .andExpect(jsonPath("$.content[*].id", hasItem(idle.get("id").asString())))
                .andExpect(jsonPath("$.content[*].id", not(hasItem(claiming.get("id").asString()))));
    }

    @Test
    void listsTheCrossAppointmentsHeldOnADay() throws Exception {
        String admin = TestAccounts.adminBearer(mvc);
        String community = street(admin, "米公街道党工委", "米公社区党委").community(0);
        String committee = body(call(admin, "/api/v1/owners-committees",
                formation("compound-" + UUID.randomUUID(), community, slate(5, 3)))).get("id").asString();
        String person = "张红梅-" + UUID.randomUUID().toString().substring(0, 8);
        String company = "company-" + UUID.randomUUID();

        JsonNode onCommittee = body(call(admin, "/api/v1/appointments", Map.of("personName", person, "role", "兼职委员",
                "bodyKind", "OWNERS_COMMITTEE", "bodyId", committee, "communityUnitId", community,
                "startsOn", "2025-01-01"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.bodyKindLabel").value("业主委员会")));
        call(admin, "/api/v1/appointments", Map.of("personName", person, "role", "独立监督员",
                "bodyKind", "PROPERTY_COMPANY", "bodyId", company, "communityUnitId", community,
                "startsOn", "2025-01-01", "endsOn", "2025-12-31"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.companyId").value(company));
        call(admin, "/api/v1/appointments", Map.of("personName", person, "role", "顾问", "bodyKind", "OWNERS_COMMITTEE",
                "bodyId", "no-such-committee", "communityUnitId", community, "startsOn", "2025-01-01"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("invalid-appointment-body"));

        read(admin, "/api/v1/appointments?personName=" + person + "&activeOn=2025-06-01")
                .andExpect(jsonPath("$.page.totalElements").value(2));
        read(admin, "/api/v1/appointments?personName=" + person + "&activeOn=2026-01-15")
                .andExpect(jsonPath("$.page.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].role").value("兼职委员"));
        read(admin, "/api/v1/appointments?companyId=" + company)
                .andExpect(jsonPath("$.page.totalElements").value(1));

        String end = "/api/v1/appointments/" + onCommittee.get("id").asString() + "/end";
        call(admin, end, Map.of("version", onCommittee.get("version").asLong(), "endsOn", "2024-12-31"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("appointment-end-not-after-start"));
        call(admin, end, Map.of("version", onCommittee.get("version").asLong(), "endsOn", "2025-12-31"))
                .andExpect(status().isOk());
        read(admin, "/api/v1/appointments?personName=" + person + "&activeOn=2026-01-15")
                .andExpect(jsonPath("$.page.totalElements").value(0));
    }

    @Test
    void formingACommitteePublishesOwnersCommitteeFormedInThePinnedShape() throws Exception {
        String admin = TestAccounts.adminBearer(mvc);
        String community = street(admin, "襄城街道党工委", "西街社区党委").community(0);
        String compound = "compound-" + UUID.randomUUID();
        String id = body(call(admin, "/api/v1/owners-committees", formation(compound, community, slate(7, 5))))
                .get("id").asString();

        JsonNode published = PublishedEvents.awaitFirst(bootstrapServers, Topics.ORG_EVENTS, id, "OwnersCommitteeFormed");
        PublishedEvents.assertMatchesExample(published, "org-events");
        assertThat(published.get("type").asString()).isEqualTo("OwnersCommitteeFormed");
        assertThat(published.get("aggregateId").asString()).isEqualTo(id);
        JsonNode payload = published.get("payload");
        assertThat(payload.get("compoundId").asString()).isEqualTo(compound);
        assertThat(payload.get("startsOn").asString()).isEqualTo(TERM_START.toString());
        assertThat(payload.get("memberCount").asInt()).isEqualTo(7);
        assertThat(payload.get("partyMemberCount").asInt()).isEqualTo(5);
    }

    @Test
    void theApiDocumentDescribesEveryOperationWithItsRoles() throws Exception {
        JsonNode paths = body(mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())).get("paths");
        List<String> ours = new ArrayList<>();
        paths.propertyNames().forEach(path -> {
            if (path.startsWith("/api/v1/owners-committees") || path.startsWith("/api/v1/appointments")
                    || path.startsWith("/api/v1/dual-registration")) {
                ours.add(path);
            }
        });

        assertThat(ours).contains("/api/v1/owners-committees/{id}/decisions/{decisionId}/acknowledgement",
                "/api/v1/owners-committees/negative-list", "/api/v1/appointments/{id}/end",
                "/api/v1/dual-registration/gaps");
        for (String path : ours) {
            paths.get(path).forEach(operation -> {
                assertThat(operation.path("summary").asString()).as(path).isNotBlank();
                assertThat(operation.path("description").asString()).as(path).contains("Roles");
            });
        }
    }

    private JsonNode registerUnit(String bearer, String name, String... communities) throws Exception {
        return body(call(bearer, "/api/v1/dual-registration/units", Map.of("name", name, "pairedCommunityIds",
                List.of(communities))).andExpect(status().isCreated()));
    }

    private static Map<String, Object> formation(String compound, String community, List<Map<String, Object>> members) {
        return Map.of("compoundId", compound, "kind", "OWNERS_COMMITTEE", "communityUnitId", community,
                "startsOn", TERM_START.toString(), "endsOn", TERM_START.plusYears(5).minusDays(1).toString(),
                "members", members);
    }

    /** {@code size} members, the first the director, the first {@code partyMembers} party members. */
    private static List<Map<String, Object>> slate(int size, int partyMembers) {
        List<Map<String, Object>> members = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            members.add(member("委员" + i, i == 0 ? "DIRECTOR" : "MEMBER", i < partyMembers,
                    PartyMemberMother.VALID_ID_NUMBERS.get(i)));
        }
        return members;
    }

    private static Map<String, Object> member(String name, String role, boolean partyMember, String idNumber) {
        return Map.of("name", name, "role", role, "partyMember", partyMember, "idNumber", idNumber);
    }

    private ResultActions call(String bearer, String path, Object body) throws Exception {
        return mvc.perform(post(path).header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body)));
    }

    private ResultActions read(String bearer, String path) throws Exception {
        return mvc.perform(get(path).header(HttpHeaders.AUTHORIZATION, bearer));
    }

    private static JsonNode body(ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString());
    }

    /** A street committee (five-level template) with community committees under it, made through the API. */
    private Street street(String bearer, String streetName, String... communityNames) throws Exception {
        JsonNode street = createUnit(bearer, "STREET_COMMITTEE", streetName, null);
        List<String> communities = new ArrayList<>();
        for (String name : communityNames) {
            communities.add(createUnit(bearer, "COMMUNITY_COMMITTEE", name, street.get("id").asString()).get("id").asString());
        }
        return new Street(street.get("id").asString(), street.get("path").asString(), communities);
    }

    private record Street(String id, String path, List<String> communities) {

        String community(int index) {
            return communities.get(index);
        }
    }

    /** Creates a unit; a top unit follows the five-level template. */
    private JsonNode createUnit(String bearer, String type, String name, String parentId) throws Exception {
        Map<String, Object> request = parentId == null
                ? Map.of("type", type, "name", name, "templateId", "FIVE_LEVEL")
                : Map.of("type", type, "name", name, "parentId", parentId);
        return body(call(bearer, "/api/v1/org-units", request).andExpect(status().isCreated()));
    }
}
