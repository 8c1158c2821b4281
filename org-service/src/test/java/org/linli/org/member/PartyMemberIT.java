package org.linli.org.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.linli.platform.protection.FieldCipher;
import org.linli.platform.protection.KeyedHash;
import org.linli.platform.protection.ProtectedFieldsPass;
import org.linli.events.Topics;
import org.linli.org.identity.InitialPasswords;
import org.linli.platform.test.EmbeddedInfrastructure;
import org.linli.platform.test.PublishedEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Party members through org-service's HTTP API, against the in-process Kafka broker and store. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@EmbeddedInfrastructure
class PartyMemberIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MEMBERS = "/api/v1/party-members";

    @Autowired
    MockMvc mvc;
    @Autowired
    MemberStatistics statistics;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MongoMappingContext mapping;
    @Autowired
    FieldCipher cipher;
    @Autowired
    KeyedHash keyedHash;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void aCommunityAdminRegistersInItsCommunityAndListsOnlyItsOwnMembers() throws Exception {
        Tree tree = tree();
        String communityAdmin = accountToken("COMMUNITY_ADMIN", tree.community().id());

        String idNumber = PartyMemberMother.nextIdNumber();
        JsonNode own = json(perform(post(MEMBERS), communityAdmin, registration("王建国", idNumber, tree.branch().id()))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, matchesPattern(".*/api/v1/party-members/[0-9a-f-]{36}")))
                .andExpect(jsonPath("$.idNumber").value(idNumber))
                .andExpect(jsonPath("$.phone").value("13871234567"))
                .andExpect(jsonPath("$.kindLabel").value("住户党员"))
                .andExpect(jsonPath("$.unitPath").value(tree.branch().path())));
        String elsewhere = register(adminToken(), registration("李红", PartyMemberMother.nextIdNumber(),
                tree.otherBranch().id()));

        perform(get(MEMBERS), communityAdmin, null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].id", hasItem(own.get("id").asString())))
                .andExpect(jsonPath("$.content[*].id", not(hasItem(elsewhere))))
                .andExpect(jsonPath("$.page.totalElements").value(1));
        perform(get(MEMBERS).param("branchId", tree.branch().id()).param("kind", "IN_SERVICE"), communityAdmin, null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(0));
        perform(get(MEMBERS).param("branchId", tree.otherBranch().id()), adminToken(), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].id", hasItem(elsewhere)))
                .andExpect(jsonPath("$.content[*].id", not(hasItem(own.get("id").asString()))));
    }

    @Test
    void aCommunityAdminOfAnotherCommunityGets403OnRegisterReadListAndTransfer() throws Exception {
        Tree tree = tree();
        String memberId = register(adminToken(), registration("王建国", PartyMemberMother.nextIdNumber(),
                tree.branch().id()));
        String otherAdmin = accountToken("COMMUNITY_ADMIN", tree.otherCommunity().id());
        String ownAdmin = accountToken("COMMUNITY_ADMIN", tree.community().id());

        perform(post(MEMBERS), otherAdmin, registration("越界", PartyMemberMother.nextIdNumber(), tree.branch().id()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://linli.example/problems/forbidden"));
        perform(get(MEMBERS + "/" + memberId), otherAdmin, null).andExpect(status().isForbidden());
        perform(get(MEMBERS).param("branchId", tree.branch().id()), otherAdmin, null).andExpect(status().isForbidden());
        perform(post(MEMBERS + "/" + memberId + "/transfers"), otherAdmin,
                Map.of("toUnitId", tree.otherBranch().id(), "reason", "搬家", "version", 0))
                .andExpect(status().isForbidden());
        perform(post(MEMBERS + "/" + memberId + "/transfers"), ownAdmin,
                Map.of("toUnitId", tree.otherBranch().id(), "reason", "搬家", "version", 0))
                .andExpect(status().isForbidden());

        perform(post(MEMBERS + "/" + memberId + "/transfers"), accountToken("STREET_ADMIN", tree.street().id()),
                Map.of("toUnitId", tree.otherBranch().id(), "reason", "搬家", "version", 0))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.branchId").value(tree.otherBranch().id()))
                .andExpect(jsonPath("$.unitPath").value(tree.otherBranch().path()))
                .andExpect(jsonPath("$.transfers[0].fromUnitId").value(tree.branch().id()))
                .andExpect(jsonPath("$.transfers[0].reason").value("搬家"));
        perform(get(MEMBERS + "/" + memberId), otherAdmin, null).andExpect(status().isOk());
    }

    @Test
    void aGridWorkerSeesIdNumberAndPhoneMasked() throws Exception {
        Tree tree = tree();
        String idNumber = PartyMemberMother.nextIdNumber();
        String memberId = register(adminToken(), registration("王建国", idNumber, tree.branch().id()));
        String gridWorker = accountToken("GRID_WORKER", tree.branch().id());

        perform(get(MEMBERS + "/" + memberId), gridWorker, null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("王建国"))
                .andExpect(jsonPath("$.idNumber").value(idNumber.substring(0, 4) + "**********" + idNumber.substring(14)))
                .andExpect(jsonPath("$.phone").value("138****4567"));
        perform(get(MEMBERS).param("branchId", tree.branch().id()), gridWorker, null)
                .andExpect(jsonPath("$.content[0].idNumber").value(matchesPattern("\\d{4}\\*{10}[0-9X]{4}")));
        perform(get(MEMBERS + "/" + memberId), accountToken("COMMUNITY_ADMIN", tree.community().id()), null)
                .andExpect(jsonPath("$.idNumber").value(idNumber))
                .andExpect(jsonPath("$.phone").value("13871234567"));
    }

    @Test
    void theStoreHoldsIdNumberAndPhoneOnlyEncryptedBesideAKeyedHashOfTheNumber() throws Exception {
        Tree tree = tree();
        String idNumber = PartyMemberMother.nextIdNumber();
        String memberId = register(adminToken(), registration("王建国", idNumber, tree.branch().id()));

        Document stored = mongo.findById(memberId, Document.class, "party_members");
        assertThat(stored.toJson()).doesNotContain(idNumber).doesNotContain("13871234567");
        assertThat(stored.getString("idNumber")).startsWith(FieldCipher.PREFIX);
        assertThat(stored.getString("phone")).startsWith(FieldCipher.PREFIX);
        assertThat(stored.getString("idNumberHash")).isEqualTo(keyedHash.of(idNumber));
        perform(get(MEMBERS + "/" + memberId), adminToken(), null)
                .andExpect(jsonPath("$.idNumber").value(idNumber))
                .andExpect(jsonPath("$.phone").value("13871234567"));
    }

    @Test
    void aMemberStoredInPlainBeforeProtectionIsStillReadAndTheStartupPassEncryptsIt() throws Exception {
        Tree tree = tree();
        String idNumber = PartyMemberMother.nextIdNumber();
        String memberId = register(adminToken(), registration("王建国", idNumber, tree.branch().id()));
        mongo.updateFirst(Query.query(Criteria.where("_id").is(memberId)), new Update().set("idNumber", idNumber)
                .set("phone", "13871234567").unset("idNumberHash"), "party_members");
        perform(get(MEMBERS + "/" + memberId), adminToken(), null).andExpect(jsonPath("$.idNumber").value(idNumber));

        mongo.dropCollection("protection_passes");
        long changed = new ProtectedFieldsPass(mongo, mapping, cipher, keyedHash, 2).run();

        Document stored = mongo.findById(memberId, Document.class, "party_members");
        assertThat(changed).isPositive();
        assertThat(stored.toJson()).doesNotContain(idNumber).doesNotContain("13871234567");
        assertThat(stored.getString("idNumberHash")).isEqualTo(keyedHash.of(idNumber));
        assertThat(new ProtectedFieldsPass(mongo, mapping, cipher, keyedHash, 2).run()).as("ran once").isZero();
        perform(get(MEMBERS + "/" + memberId), adminToken(), null)
                .andExpect(jsonPath("$.idNumber").value(idNumber))
                .andExpect(jsonPath("$.phone").value("13871234567"));
    }

    @Test
    void thePublicBoardShowsOnlyNameAndDutyOfActiveMembersToAResident() throws Exception {
        Tree tree = tree();
        Map<String, Object> body = registration("王建国", PartyMemberMother.nextIdNumber(), tree.branch().id());
        body.put("groupId", tree.group().id());
        register(adminToken(), body);
        String resident = accountToken("RESIDENT", tree.community().id());

        JsonNode board = json(perform(get(MEMBERS + "/public-board").param("unitId", tree.community().id()), resident, null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(1)));
        JsonNode entry = board.get("content").get(0);
        assertThat(PublishedEvents.fieldNames(entry)).containsExactlyInAnyOrder("name", "duty");
        assertThat(entry.get("duty").asString()).isEqualTo("支部书记");
        perform(get(MEMBERS + "/public-board").param("unitId", tree.group().id()), resident, null)
                .andExpect(jsonPath("$.content[0].name").value("王建国"));
        perform(get(MEMBERS + "/public-board").param("unitId", tree.otherCommunity().id()), resident, null)
                .andExpect(jsonPath("$.page.totalElements").value(0));
        perform(get(MEMBERS + "/public-board").param("unitId", "no-such-unit"), resident, null)
                .andExpect(status().isNotFound());
        perform(get(MEMBERS), resident, null).andExpect(status().isForbidden());
    }

    @Test
    void refusesABadIdNumberWith422AndAMissingNameWith400() throws Exception {
        Tree tree = tree();

        perform(post(MEMBERS), adminToken(), registration("王建国", "110105194912310021", tree.branch().id()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("invalid-id-number"))
                .andExpect(jsonPath("$.detail").value(not(matchesPattern(".*110105194912310021.*"))));
        Map<String, Object> nameless = registration(null, PartyMemberMother.nextIdNumber(), tree.branch().id());
        nameless.put("phone", "12345");
        perform(post(MEMBERS), adminToken(), nameless)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("name")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("phone")));
        Map<String, Object> inService = registration("李红", PartyMemberMother.nextIdNumber(), tree.branch().id());
        inService.put("kind", "IN_SERVICE");
        perform(post(MEMBERS), adminToken(), inService)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("dual-registration-required"));
    }

    @Test
    void limitsOrdinaryHouseholdLinksAndRefusesAStaleVersion() throws Exception {
        Tree tree = tree();
        String admin = accountToken("COMMUNITY_ADMIN", tree.community().id());
        String memberId = register(admin, registration("王建国", PartyMemberMother.nextIdNumber(), tree.branch().id()));
        String links = MEMBERS + "/" + memberId + "/household-links";
        registerHouseholds("household-1", "household-2", "household-3", "household-4");

        perform(post(links), admin, Map.of("householdId", "household-1", "version", 0))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, matchesPattern(".*/household-links/household-1")))
                .andExpect(jsonPath("$.version").value(1));
        perform(post(links), admin, Map.of("householdId", "household-2", "version", 0))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://linli.example/problems/stale-version"));
        perform(post(links), admin, Map.of("householdId", "household-2", "version", 1)).andExpect(status().isCreated());
        perform(post(links), admin, Map.of("householdId", "household-3", "version", 2))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("household-link-limit"));
        perform(post(links), admin, Map.of("householdId", "household-4", "specialGroup", "DISABLED",
                "buildingUnitRef", "building-3/unit-2", "version", 2))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("not-a-unit-leader"));

        perform(delete(links + "/household-1").param("version", "2"), admin, null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.householdLinks[*].householdId", not(hasItem("household-1"))));
    }

    @Test
    void aLinkToAHouseholdGridServiceNeverRegisteredIsRefusedAndOneItRegisteredIsTaken() throws Exception {
        Tree tree = tree();
        String admin = accountToken("COMMUNITY_ADMIN", tree.community().id());
        String memberId = register(admin, registration("王建国", PartyMemberMother.nextIdNumber(), tree.branch().id()));
        String links = MEMBERS + "/" + memberId + "/household-links";

        perform(post(links), admin, Map.of("householdId", "no-such-household", "version", 0))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("unknown-household"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("no-such-household")));
        perform(post(links), accountToken("COMMUNITY_ADMIN", tree.otherCommunity().id()),
                Map.of("householdId", "no-such-household", "version", 0))
                .andExpect(status().isForbidden());

        String household = "household-" + UUID.randomUUID();
        registerHouseholds(household);
        perform(post(links), admin, Map.of("householdId", household, "version", 0))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.householdLinks[0].householdId").value(household));
    }

    @Test
    void aUnitLeaderLinksSpecialGroupHouseholdsOfItsBuildingUnitAndIsTheOnlyLeaderThere() throws Exception {
        Tree tree = tree();
        String admin = accountToken("COMMUNITY_ADMIN", tree.community().id());
        Map<String, Object> leader = registration("王建国", PartyMemberMother.nextIdNumber(), tree.branch().id());
        leader.put("unitLeader", true);
        leader.put("buildingUnitRef", "building-7/unit-1");
        String leaderId = register(admin, leader);
        String links = MEMBERS + "/" + leaderId + "/household-links";
        registerHouseholds("household-7-1-302");

        perform(post(links), admin, Map.of("householdId", "household-7-1-302", "specialGroup", "ELDERLY_LIVING_ALONE",
                "buildingUnitRef", "building-7/unit-2", "version", 0))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("outside-building-unit"));
        perform(post(links), admin, Map.of("householdId", "household-7-1-302", "special", true, "version", 0))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("special-group-required"));
        perform(post(links), admin, Map.of("householdId", "household-7-1-302", "specialGroup", "ELDERLY_LIVING_ALONE",
                "buildingUnitRef", "building-7/unit-1", "version", 0))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.unitLeader").value(true))
                .andExpect(jsonPath("$.householdLinks[0].special").value(true))
                .andExpect(jsonPath("$.householdLinks[0].specialGroupLabel").value("独居老人"));

        Map<String, Object> second = registration("李红", PartyMemberMother.nextIdNumber(), tree.branch().id());
        second.put("unitLeader", true);
        second.put("buildingUnitRef", "building-7/unit-1");
        perform(post(MEMBERS), admin, second)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("unit-leader-taken"));
    }

    @Test
    void refusesRegisteringTheSameIdNumberTwice() throws Exception {
        Tree tree = tree();
        String idNumber = PartyMemberMother.nextIdNumber();
        register(adminToken(), registration("王建国", idNumber, tree.branch().id()));

        perform(post(MEMBERS), adminToken(), registration("王建国", idNumber, tree.otherBranch().id()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://linli.example/problems/already-exists"));
    }

    @Test
    void registeringPublishesPartyMemberRegisteredInThePinnedShapeWithoutPersonalData() throws Exception {
        Tree tree = tree();
        Map<String, Object> body = registration("李红", PartyMemberMother.nextIdNumber(), tree.branch().id());
        body.put("kind", "IN_SERVICE");
        body.put("dualRegistration", Map.of("workUnit", "襄阳市住建局", "residenceCommunityId", tree.community().id(),
                "registeredOn", "2026-03-05"));
        body.put("accountId", "account-of-li-hong");
        String memberId = register(adminToken(), body);

        JsonNode published = PublishedEvents.awaitFirst(bootstrapServers, Topics.ORG_EVENTS, memberId, "PartyMemberRegistered");
        PublishedEvents.assertMatchesExample(published, "org-events");
        assertThat(published.get("aggregateId").asString()).isEqualTo(memberId);
        assertThat(published.get("payload").get("kind").asString()).isEqualTo("IN_SERVICE");
        assertThat(published.get("payload").get("unitPath").asString()).isEqualTo(tree.branch().path());
        assertThat(published.get("payload").get("residenceCommunityId").asString()).isEqualTo(tree.community().id());
        assertThat(published.get("payload").get("accountId").asString()).isEqualTo("account-of-li-hong");
        assertThat(published.toString()).doesNotContain(body.get("idNumber").toString(), "13871234567");
    }

    @Test
    void countsActiveMembersPerUnitAndPerBranch() throws Exception {
        Tree tree = tree();
        Map<String, Object> inGroup = registration("王建国", PartyMemberMother.nextIdNumber(), tree.branch().id());
        inGroup.put("groupId", tree.group().id());
        register(adminToken(), inGroup);
        register(adminToken(), registration("李红", PartyMemberMother.nextIdNumber(), tree.branch().id()));
        register(adminToken(), registration("张伟", PartyMemberMother.nextIdNumber(), tree.otherBranch().id()));

        assertThat(statistics.activeMembersIn(tree.group().id())).isEqualTo(1);
        assertThat(statistics.activeMembersIn(tree.branch().id())).isEqualTo(2);
        assertThat(statistics.activeMembersIn(tree.community().id())).isZero();
        assertThat(statistics.activeMembersPerBranch(tree.community().path()))
                .containsExactlyInAnyOrderEntriesOf(Map.of(tree.branch().id(), 2L));
        assertThat(statistics.activeMembersPerBranch(tree.street().path()))
                .containsExactlyInAnyOrderEntriesOf(Map.of(tree.branch().id(), 2L, tree.otherBranch().id(), 1L));
        assertThat(statistics.activeMembersPerBranch(null))
                .containsEntry(tree.branch().id(), 2L).containsEntry(tree.otherBranch().id(), 1L);
    }

    /** A street with two communities: a branch with a building group in one, a branch in the other. */
    private record Tree(Unit street, Unit community, Unit branch, Unit group, Unit otherCommunity, Unit otherBranch) {
    }

    private record Unit(String id, String path) {
    }

    @Test
    void aMembersScopePathFollowsItsBranchWhenTheCommunityMoves() throws Exception {
        String admin = adminToken();
        Tree tree = tree();
        String id = register(admin, registration("李明", PartyMemberMother.nextIdNumber(), tree.branch().id()));
        Unit newStreet = createUnit(admin, "STREET_COMMITTEE", "庞公街道党工委", null);

        perform(post("/api/v1/org-units/" + tree.community().id() + "/move"), admin,
                Map.of("newParentId", newStreet.id(), "version", 0)).andExpect(status().isOk());

        perform(get(MEMBERS + "/" + id), admin, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.unitPath").value(newStreet.path() + tree.community().id() + "/"
                        + tree.branch().id() + "/"));
    }

    private Tree tree() throws Exception {
        String admin = adminToken();
        Unit street = createUnit(admin, "STREET_COMMITTEE", "真武山街道党工委", null);
        Unit community = createUnit(admin, "COMMUNITY_COMMITTEE", "檀溪社区党委", street.id());
        Unit branch = createUnit(admin, "GRID_BRANCH", "第一网格党支部", community.id());
        Unit group = createUnit(admin, "BUILDING_GROUP", "3号楼党小组", branch.id());
        Unit otherCommunity = createUnit(admin, "COMMUNITY_COMMITTEE", "井岗社区党委", street.id());
        Unit otherBranch = createUnit(admin, "GRID_BRANCH", "井岗第一网格党支部", otherCommunity.id());
        return new Tree(street, community, branch, group, otherCommunity, otherBranch);
    }

    private static Map<String, Object> registration(String name, String idNumber, String branchId) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("idNumber", idNumber);
        body.put("phone", "13871234567");
        body.put("kind", "RESIDENT");
        body.put("branchId", branchId);
        body.put("duty", "支部书记");
        return body;
    }

    private String register(String token, Map<String, Object> body) throws Exception {
        return json(perform(post(MEMBERS), token, body).andExpect(status().isCreated())).get("id").asString();
    }

    private ResultActions perform(MockHttpServletRequestBuilder request, String token, Object body) throws Exception {
        request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body));
        }
        return mvc.perform(request);
    }

    private static JsonNode json(ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString());
    }

    private Unit createUnit(String token, String type, String name, String parentId) throws Exception {
        Map<String, Object> body = new HashMap<>(Map.of("type", type, "name", name));
        if (parentId == null) {
            body.put("templateId", "FIVE_LEVEL");
        } else {
            body.put("parentId", parentId);
        }
        JsonNode unit = json(perform(post("/api/v1/org-units"), token, body).andExpect(status().isCreated()));
        return new Unit(unit.get("id").asString(), unit.get("path").asString());
    }

    /** A token for a new account with this role, scoped to the unit. */
    private String accountToken(String role, String orgUnitId) throws Exception {
        String username = "user-" + UUID.randomUUID().toString().substring(0, 8);
        perform(post("/api/v1/accounts"), adminToken(), Map.of("username", username, "password",
                InitialPasswords.INITIAL, "roles", List.of(role), "orgUnitId", orgUnitId))
                .andExpect(status().isCreated());
        InitialPasswords.changeInitial(mvc, username, "Member-Test-Pass1");
        return token(username, "Member-Test-Pass1");
    }

    private String adminToken() throws Exception {
        return token("admin", "test-admin-password");
    }

    private String token(String username, String password) throws Exception {
        String body = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("grant_type", "password").param("username", username).param("password", password))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JSON.readTree(body).get("access_token").asString();
    }


    /** grid-service's pinned HouseholdRegistered, once per id (twice, to show the copy takes a repeat), until copied. */
    private void registerHouseholds(String... ids) throws Exception {
        String pinned = JSON.writeValueAsString(PublishedEvents.example("grid-events", "HouseholdRegistered"));
        String pinnedId = PublishedEvents.example("grid-events", "HouseholdRegistered").get("aggregateId").asString();
        String pinnedEventId = PublishedEvents.example("grid-events", "HouseholdRegistered").get("eventId").asString();
        for (String id : ids) {
            String event = pinned.replace(pinnedId, id).replace(pinnedEventId, UUID.randomUUID().toString());
            kafka.send(Topics.GRID_EVENTS, id, event).get();
            kafka.send(Topics.GRID_EVENTS, id, event).get();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.count(Query.query(Criteria.where("_id").in(List.of(ids))),
                "household_copies") == ids.length);
    }
}
