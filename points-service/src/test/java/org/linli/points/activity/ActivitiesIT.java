package org.linli.points.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.platform.test.EmbeddedInfrastructure;
import org.linli.platform.test.SimultaneousRequests;
import org.linli.points.Callers;
import org.linli.points.Communities;
import org.linli.points.ledger.LedgerEntry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An activity run end to end through the API (recorded after its end, so the organiser enrols): waiting list,
 * attendance, confirmation credits once, the red list.
 */
@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedInfrastructure
class ActivitiesIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;

    private String community;
    private String path;
    private RequestPostProcessor organiser;
    private final String v1 = "volunteer-" + UUID.randomUUID();
    private final String v2 = "volunteer-" + UUID.randomUUID();
    private final String v3 = "volunteer-" + UUID.randomUUID();

    @BeforeEach
    void aCommunityWithAGridWorker() {
        community = "community-" + UUID.randomUUID();
        path = Communities.community(mongo, community);
        organiser = Callers.caller("organiser-" + UUID.randomUUID(), path, "GRID_WORKER");
    }

    @Test
    void anActivityRunEndToEndCreditsEachAttendeeOnceHoweverOftenItIsConfirmed() throws Exception {
        mvc.perform(put("/api/v1/points/scoring-standards/" + community).with(Callers.communityAdmin("admin", path))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"pointsPerHour\": {\"CLEAN_UP\": 15}, \"issueResolved\": 20, \"microWish\": 10, "
                                + "\"dailyCap\": 100}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.pointsPerHour.CLEAN_UP").value(15))
                .andExpect(jsonPath("$.version").value(0));
        Instant startsAt = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        Instant endsAt = startsAt.plus(Duration.ofHours(2));
        JsonNode activity = body(mvc.perform(post("/api/v1/activities").with(organiser)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"communityUnitId\": \"" + community + "\", \"title\": \"清理楼道杂物\", \"type\": "
                                + "\"CLEAN_UP\", \"place\": \"3号楼\", \"startsAt\": \"" + startsAt + "\", \"endsAt\": \""
                                + endsAt + "\", \"capacity\": 2, \"gridId\": \"grid-7\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.pointsPerHour").value(15))
                .andExpect(jsonPath("$.typeLabel").value("环境整治")));
        String id = activity.get("id").asString();
        String code = activity.get("checkInCode").asString();

        enrol(id, v1).andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("SIGNED_UP"));
        enrol(id, v2).andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("SIGNED_UP"));
        enrol(id, v3).andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("WAITING"));
        enrol(id, v1).andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("already-signed-up"));
        mvc.perform(delete("/api/v1/activities/" + id + "/sign-ups/me").with(Callers.person(v2)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.signedUp").value(2))
                .andExpect(jsonPath("$.waiting").value(0))
                .andExpect(jsonPath("$.checkInCode").doesNotExist());

        attend(id, "check-ins", Callers.person(v1), "{\"code\": \"" + code + "\", \"accountId\": \"" + v3 + "\"}")
                .andExpect(status().isForbidden());
        attend(id, "check-ins", Callers.person(v1), "{\"code\": \"000000x\"}").andExpect(status().isBadRequest());
        attend(id, "check-ins", Callers.person(v1), "{\"code\": \"" + wrong(code) + "\"}")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("wrong-check-in-code"));
        attend(id, "check-ins", Callers.person(v1), "{\"code\": \"" + code + "\"}")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("outside-activity-time"));
        attend(id, "check-ins", organiser, "{\"accountId\": \"" + v1 + "\", \"at\": \"" + startsAt + "\"}")
                .andExpect(status().isOk());
        attend(id, "check-ins", organiser, "{\"accountId\": \"" + v3 + "\", \"at\": \"" + startsAt.plusSeconds(1800) + "\"}")
                .andExpect(status().isOk());
        attend(id, "check-outs", organiser, "{\"accountId\": \"" + v1 + "\", \"at\": \"" + endsAt.plusSeconds(600) + "\"}")
                .andExpect(status().isOk());
        attend(id, "check-outs", organiser, "{\"accountId\": \"" + v3 + "\", \"at\": \"" + endsAt.minusSeconds(1800) + "\"}")
                .andExpect(status().isOk());

        mvc.perform(post("/api/v1/activities/" + id + "/confirmation")
                        .with(Callers.communityAdmin("stranger", Communities.STREET + "other/")))
                .andExpect(status().isForbidden());
        for (int i = 0; i < 3; i++) {
            mvc.perform(post("/api/v1/activities/" + id + "/confirmation").with(organiser))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("CONFIRMED"))
                    .andExpect(jsonPath("$.settled").value(true))
                    .andExpect(jsonPath("$.participants[?(@.accountId == '" + v1 + "')].minutes").value(120))
                    .andExpect(jsonPath("$.participants[?(@.accountId == '" + v1 + "')].credit").value("CREDITED"))
                    .andExpect(jsonPath("$.participants[?(@.accountId == '" + v3 + "')].points").value(15));
        }
        assertThat(entriesOf(v1)).singleElement().satisfies(entry -> {
            assertThat(entry.amount()).isEqualTo(30);
            assertThat(entry.reference()).isEqualTo("activity:" + id + ":" + v1);
            assertThat(entry.gridId()).isEqualTo("grid-7");
        });
        assertThat(entriesOf(v3)).singleElement().satisfies(entry -> assertThat(entry.amount()).isEqualTo(15));
        assertThat(entriesOf(v2)).isEmpty();
        enrol(id, v2).andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("activity-confirmed"));

        String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
        mvc.perform(get("/api/v1/honour-lists/red").param("month", month).param("communityUnitId", community))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lines.length()").value(2))
                .andExpect(jsonPath("$.lines[0].accountId").value(v1))
                .andExpect(jsonPath("$.lines[0].points").value(30))
                .andExpect(jsonPath("$.lines[0].holderName").value("user-" + v1))
                .andExpect(jsonPath("$.lines[1].accountId").value(v3))
                .andExpect(jsonPath("$.lines[1].points").value(15));
        mvc.perform(get("/api/v1/honour-lists/red").param("month", month).param("gridId", "grid-7"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lines.length()").value(2));
        mvc.perform(get("/api/v1/honour-lists/red").param("month", month))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("one-place"));
        mvc.perform(get("/api/v1/points/accounts/" + v1 + "/statements/" + month).with(Callers.person(v1)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.openingBalance").value(0))
                .andExpect(jsonPath("$.credits").value(30))
                .andExpect(jsonPath("$.closingBalance").value(30));
        mvc.perform(get("/api/v1/points/accounts/" + v1 + "/entries").with(Callers.communityAdmin("admin", path)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].reasonLabel").value("志愿活动"));
        mvc.perform(get("/api/v1/points/accounts/" + v1 + "/entries")
                        .with(Callers.communityAdmin("stranger", Communities.STREET + "other/")))
                .andExpect(status().isForbidden());
    }

    @Test
    void aBlackListedVolunteerEarnsNothingAndTheRefusalIsRecorded() throws Exception {
        Instant startsAt = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        String id = body(mvc.perform(post("/api/v1/activities").with(organiser).contentType(MediaType.APPLICATION_JSON)
                .content("{\"communityUnitId\": \"" + community + "\", \"title\": \"走访独居老人\", \"type\": "
                        + "\"ELDERLY_VISIT\", \"place\": \"社区\", \"startsAt\": \"" + startsAt + "\", \"endsAt\": \""
                        + startsAt.plusSeconds(3600) + "\", \"capacity\": 5}"))
                .andExpect(status().isCreated())).get("id").asString();
        enrol(id, v1).andExpect(status().isCreated());
        mvc.perform(post("/api/v1/honour-lists/black-list").with(Callers.communityAdmin("admin", path))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"accountId\": \"" + v1 + "\", \"communityUnitId\": \"" + community + "\", \"reason\": "
                                + "\"高空抛物\", \"until\": \"" + Instant.now().plusSeconds(86_400) + "\"}"))
                .andExpect(status().isCreated());
        attend(id, "check-ins", organiser, "{\"accountId\": \"" + v1 + "\", \"at\": \"" + startsAt + "\"}")
                .andExpect(status().isOk());
        attend(id, "check-outs", organiser, "{\"accountId\": \"" + v1 + "\", \"at\": \"" + startsAt.plusSeconds(3600) + "\"}")
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/activities/" + id + "/confirmation").with(organiser))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.participants[0].points").value(10))
                .andExpect(jsonPath("$.participants[0].credit").value("REFUSED_BLACK_LISTED"));
        assertThat(entriesOf(v1)).isEmpty();
        mvc.perform(get("/api/v1/honour-lists/black-list").param("communityUnitId", community).param("active", "true")
                        .with(Callers.communityAdmin("admin", path)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(1));
        mvc.perform(get("/api/v1/honour-lists/black-list").param("communityUnitId", community)
                        .with(Callers.communityAdmin("stranger", Communities.STREET + "other/")))
                .andExpect(status().isForbidden());
    }

    @Test
    void aVolunteerWhoDisputesTheHoursTheOrganiserRecordedEarnsNothingUntilTheyAreRecordedAgain() throws Exception {
        Instant startsAt = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        Instant endsAt = startsAt.plusSeconds(7200);
        String id = body(mvc.perform(post("/api/v1/activities").with(organiser).contentType(MediaType.APPLICATION_JSON)
                .content("{\"communityUnitId\": \"" + community + "\", \"title\": \"楼道清理\", \"type\": "
                        + "\"CLEAN_UP\", \"place\": \"5号楼\", \"startsAt\": \"" + startsAt + "\", \"endsAt\": \""
                        + endsAt + "\", \"capacity\": 5}"))
                .andExpect(status().isCreated())).get("id").asString();
        for (String volunteer : List.of(v1, v2)) {
            enrol(id, volunteer).andExpect(status().isCreated());
            attend(id, "check-ins", organiser, "{\"accountId\": \"" + volunteer + "\", \"at\": \"" + startsAt + "\"}")
                    .andExpect(status().isOk());
            attend(id, "check-outs", organiser, "{\"accountId\": \"" + volunteer + "\", \"at\": \""
                    + startsAt.plusSeconds(1800) + "\"}").andExpect(status().isOk());
        }
        hours(id, v1, "{\"agree\": false}").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("reason-required"));
        hours(id, v1, "{\"agree\": false, \"reason\": \"我做满了两个小时\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.participants.length()").value(1))
                .andExpect(jsonPath("$.participants[0].hours").value("DISPUTED"));
        hours(id, v2, "{\"agree\": false, \"reason\": \"只记了半小时\"}").andExpect(status().isOk());
        hours(id, v3, "{\"agree\": true}").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("not-signed-up"));
        attend(id, "check-outs", organiser, "{\"accountId\": \"" + v2 + "\", \"at\": \"" + endsAt + "\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.participants[?(@.accountId == '" + v2 + "')].hours").value("PENDING"));

        mvc.perform(post("/api/v1/activities/" + id + "/confirmation").with(organiser))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.participants[?(@.accountId == '" + v1 + "')].credit").value("HOURS_DISPUTED"))
                .andExpect(jsonPath("$.participants[?(@.accountId == '" + v1 + "')].disputeReason").value("我做满了两个小时"))
                .andExpect(jsonPath("$.participants[?(@.accountId == '" + v2 + "')].credit").value("CREDITED"));
        assertThat(entriesOf(v1)).isEmpty();
        assertThat(entriesOf(v2)).singleElement().satisfies(entry -> assertThat(entry.amount()).isEqualTo(20));
        hours(id, v1, "{\"agree\": true}").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("activity-confirmed"));
    }

    @Test
    void threeNoShowsListTheVolunteerByRuleWhoAppealsAndAnAdminGrantsIt() throws Exception {
        Instant startsAt = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        RequestPostProcessor admin = Callers.communityAdmin("admin", path);
        for (int i = 0; i < 3; i++) {
            assertThat(listedFor(v1)).isEmpty();
            String id = body(mvc.perform(post("/api/v1/activities").with(organiser).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"communityUnitId\": \"" + community + "\", \"title\": \"巡逻" + i + "\", \"type\": "
                            + "\"PATROL\", \"place\": \"小区\", \"startsAt\": \"" + startsAt + "\", \"endsAt\": \""
                            + startsAt.plusSeconds(3600) + "\", \"capacity\": 5}"))
                    .andExpect(status().isCreated())).get("id").asString();
            enrol(id, v1).andExpect(status().isCreated());
            enrol(id, v2).andExpect(status().isCreated());
            attend(id, "check-ins", organiser, "{\"accountId\": \"" + v2 + "\", \"at\": \"" + startsAt + "\"}")
                    .andExpect(status().isOk());
            mvc.perform(post("/api/v1/activities/" + id + "/confirmation").with(organiser)).andExpect(status().isOk());
        }

        JsonNode entry = listedFor(v1).get(0);
        assertThat(entry.get("listedBy").asString()).isEqualTo("rule:no-shows");
        assertThat(entry.get("active").asBoolean()).isTrue();
        assertThat(entry.get("evidence")).hasSize(3);
        assertThat(listedFor(v2)).isEmpty();
        String entryId = entry.get("id").asString();
        mvc.perform(post("/api/v1/honour-lists/black-list/" + entryId + "/appeal").with(Callers.person(v2))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"替他申诉\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/honour-lists/black-list/" + entryId + "/appeal").with(Callers.person(v1))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"三次都在加班，有单位证明\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.appealState").value("PENDING"));
        mvc.perform(get("/api/v1/honour-lists/black-list").param("appeal", "PENDING").with(admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].appeal.reason").value("三次都在加班，有单位证明"));
        mvc.perform(post("/api/v1/honour-lists/black-list/" + entryId + "/appeal/decision")
                        .with(Callers.communityAdmin("stranger", Communities.STREET + "other/"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"grant\": true, \"version\": 1}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/honour-lists/black-list/" + entryId + "/appeal/decision").with(admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"grant\": true, \"note\": \"证明属实\", \"version\": 1}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.appealState").value("GRANTED"))
                .andExpect(jsonPath("$.active").value(false));
    }

    /**
     * A volunteer listed by the rule long ago (expired), with two more no-shows, then missing six activities whose
     * attendance is confirmed at once: each confirmation finds the limit reached, and the rule lists the volunteer
     * once (the unique rule key decides, not the read before the insert; the expired entry gives the key up). Then the appeal decided eight times at once is decided once: one 200, the
     * others 409 stale-version or 422 appeal-decided.
     */
    @Test
    void sixConfirmationsAtOnceListANoShowOnceAndAnAppealDecidedEightTimesAtOnceIsDecidedOnce() throws Exception {
        Instant startsAt = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        String expired = UUID.randomUUID().toString();
        mongo.insert(new Document("_id", expired).append("accountId", v1).append("reason", "上次未到场")
                .append("evidence", List.of()).append("from", Instant.now().minus(Duration.ofDays(40)))
                .append("until", Instant.now().minus(Duration.ofDays(10))).append("communityUnitId", community)
                .append("communityPath", path).append("listedBy", "rule:no-shows")
                .append("ruleKey", "rule:no-shows/" + v1).append("version", 0L), "black_list");
        for (int i = 0; i < 2; i++) {
            String id = patrolMissedBy(v1, startsAt, i);
            mvc.perform(post("/api/v1/activities/" + id + "/confirmation").with(organiser)).andExpect(status().isOk());
        }
        List<String> missed = new java.util.ArrayList<>();
        for (int i = 2; i < 8; i++) {
            missed.add(patrolMissedBy(v1, startsAt, i));
        }

        List<MockHttpServletResponse> confirmed = SimultaneousRequests.perform(mvc, missed.size(),
                i -> post("/api/v1/activities/" + missed.get(i) + "/confirmation").with(organiser));

        assertThat(SimultaneousRequests.statuses(confirmed)).isEqualTo(Map.of(200, missed.size()));
        List<Document> entries = mongo.find(Query.query(Criteria.where("accountId").is(v1)
                .and("_id").ne(expired)), Document.class, "black_list");
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.getString("listedBy")).isEqualTo("rule:no-shows");
            assertThat(entry.getString("ruleKey")).isEqualTo("rule:no-shows/" + v1);
        });
        assertThat(mongo.findById(expired, Document.class, "black_list")).doesNotContainKey("ruleKey");

        JsonNode entry = listedFor(v1).get(0);
        String entryId = entry.get("id").asString();
        long appealed = body(mvc.perform(post("/api/v1/honour-lists/black-list/" + entryId + "/appeal")
                        .with(Callers.person(v1)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"都在值夜班\"}"))
                .andExpect(status().isOk())).get("version").asLong();
        RequestPostProcessor admin = Callers.communityAdmin("admin", path);
        List<MockHttpServletResponse> decided = SimultaneousRequests.perform(mvc, 8,
                i -> post("/api/v1/honour-lists/black-list/" + entryId + "/appeal/decision").with(admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"grant\": " + (i % 2 == 0) + ", \"version\": " + appealed + "}"));

        assertThat(SimultaneousRequests.statuses(decided)).containsEntry(200, 1);
        assertThat(SimultaneousRequests.statuses(decided).keySet()).isSubsetOf(200, 409, 422);
        assertThat(SimultaneousRequests.problemCodes(decided)).isSubsetOf("stale-version", "appeal-decided");
        Document stored = mongo.findById(entryId, Document.class, "black_list");
        assertThat(stored.get("version", Number.class).longValue()).isEqualTo(appealed + 1);
        assertThat(stored.getString("appealState")).isIn("GRANTED", "REJECTED");
    }

    /**
     * Eight residents signing up at once for the last two places: the places are never overdrawn and nobody is
     * counted twice. Each gets a place or the waiting list (201), or, if the activity changed under it too often,
     * 409 stale-version; the stored activity holds exactly its capacity signed up, every 201 and nobody else.
     */
    @Test
    void eightResidentsSigningUpAtOnceForTheLastTwoPlacesNeverOverfillTheActivity() throws Exception {
        Instant startsAt = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        String id = body(mvc.perform(post("/api/v1/activities").with(organiser).contentType(MediaType.APPLICATION_JSON)
                .content("{\"communityUnitId\": \"" + community + "\", \"title\": \"敬老院帮厨\", \"type\": "
                        + "\"ELDERLY_VISIT\", \"place\": \"敬老院\", \"startsAt\": \"" + startsAt
                        + "\", \"endsAt\": \"" + startsAt.plusSeconds(7200) + "\", \"capacity\": 3}"))
                .andExpect(status().isCreated())).get("id").asString();
        mvc.perform(post("/api/v1/activities/" + id + "/sign-ups").with(Callers.person(v1)))
                .andExpect(status().isCreated());
        List<String> residents = java.util.stream.IntStream.range(0, 8)
                .mapToObj(i -> "resident-" + i + "-" + UUID.randomUUID()).toList();

        List<MockHttpServletResponse> signedUp = SimultaneousRequests.perform(mvc, residents.size(),
                i -> post("/api/v1/activities/" + id + "/sign-ups").with(Callers.person(residents.get(i))));

        assertThat(SimultaneousRequests.statuses(signedUp)).containsKey(201);
        assertThat(SimultaneousRequests.statuses(signedUp).keySet()).isSubsetOf(201, 409);
        assertThat(SimultaneousRequests.problemCodes(signedUp)).isSubsetOf("stale-version");
        List<String> admitted = new java.util.ArrayList<>(List.of(v1));
        for (int i = 0; i < residents.size(); i++) {
            if (signedUp.get(i).getStatus() == 201) {
                admitted.add(residents.get(i));
            }
        }
        Activity stored = mongo.findById(id, Activity.class);
        assertThat(stored.participants()).extracting(Activity.Participant::accountId)
                .containsExactlyInAnyOrderElementsOf(admitted);
        assertThat(stored.participants()).filteredOn(p -> p.status() == Activity.ParticipantStatus.SIGNED_UP)
                .hasSize(Math.min(3, admitted.size()));
        assertThat(stored.participants()).filteredOn(p -> p.status() == Activity.ParticipantStatus.WAITING)
                .hasSize(Math.max(0, admitted.size() - 3));
        mvc.perform(get("/api/v1/activities/" + id).with(organiser))
                .andExpect(jsonPath("$.signedUp").value(Math.min(3, admitted.size())))
                .andExpect(jsonPath("$.waiting").value(Math.max(0, admitted.size() - 3)));
    }

    /** A patrol in the past that {@code volunteer} signed up for and never came to (someone else did). */
    private String patrolMissedBy(String volunteer, Instant startsAt, int number) throws Exception {
        String id = body(mvc.perform(post("/api/v1/activities").with(organiser).contentType(MediaType.APPLICATION_JSON)
                .content("{\"communityUnitId\": \"" + community + "\", \"title\": \"夜巡" + number + "\", \"type\": "
                        + "\"PATROL\", \"place\": \"小区\", \"startsAt\": \"" + startsAt + "\", \"endsAt\": \""
                        + startsAt.plusSeconds(3600) + "\", \"capacity\": 5}"))
                .andExpect(status().isCreated())).get("id").asString();
        enrol(id, volunteer).andExpect(status().isCreated());
        enrol(id, v2).andExpect(status().isCreated());
        attend(id, "check-ins", organiser, "{\"accountId\": \"" + v2 + "\", \"at\": \"" + startsAt + "\"}")
                .andExpect(status().isOk());
        return id;
    }

    private List<JsonNode> listedFor(String volunteer) throws Exception {
        JsonNode mine = body(mvc.perform(get("/api/v1/honour-lists/black-list/mine").with(Callers.person(volunteer)))
                .andExpect(status().isOk()));
        List<JsonNode> entries = new java.util.ArrayList<>();
        mine.forEach(entries::add);
        return entries;
    }

    private ResultActions hours(String id, String volunteer, String body) throws Exception {
        return mvc.perform(put("/api/v1/activities/" + id + "/participants/me/hours").with(Callers.person(volunteer))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private List<LedgerEntry> entriesOf(String accountId) {
        return mongo.find(Query.query(Criteria.where("accountId").is(accountId)), LedgerEntry.class);
    }

    /** The organiser enrols the volunteer: these activities are recorded after their end, when sign-up is closed. */
    private ResultActions enrol(String id, String account) throws Exception {
        return mvc.perform(post("/api/v1/activities/" + id + "/enrolments").with(organiser)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"accountId\": \"" + account + "\", \"name\": \"user-" + account + "\"}"));
    }

    private ResultActions attend(String id, String what, RequestPostProcessor caller, String body) throws Exception {
        return mvc.perform(post("/api/v1/activities/" + id + "/" + what).with(caller)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static String wrong(String code) {
        return code.equals("123456") ? "654321" : "123456";
    }

    private static JsonNode body(ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString());
    }
}
