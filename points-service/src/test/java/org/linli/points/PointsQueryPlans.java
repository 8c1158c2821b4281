package org.linli.points;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.mongodb.client.MongoClient;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.linli.platform.test.QueryPlans;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every query points-service sends on its hot paths is answered through an index on real MongoDB: an
 * activity run to its credits (the ledger's appends, the black-list check, the monthly earnings, the no-show rule's
 * count of a no-show's missed activities), the public
 * red list, accounts, statements and entries, the lists of activities, rewards, redemptions and the black list
 * in their usual scope, a street's community red and black lists (computed, and the public read), and the settle and
 * redemption sweeps. The service's own code sends them;
 * {@link QueryPlans} records them and asks MongoDB's {@code explain} for each. Run by {@link PointsQueryPlansContainersIT} (real MongoDB,
 * skipped without Docker) and {@link PointsQueryPlansEmbeddedIT} (the embedded store, which has no {@code explain}:
 * there only that the hot paths ran and queried these collections).
 */
@SpringBootTest(properties = {"linli.points.activities.settle-interval=200ms",
        "linli.points.redemptions.sweep-interval=200ms"})
@AutoConfigureMockMvc
@Import(QueryPlans.Recording.class)
abstract class PointsQueryPlans {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    QueryPlans plans;
    @Autowired
    MongoClient client;

    @Test
    void theHotPathsQueryThroughIndexes() throws Exception {
        plans.forget();
        String community = "community-" + UUID.randomUUID();
        String path = Communities.community(mongo, community);
        RequestPostProcessor organiser = Callers.caller("organiser-" + UUID.randomUUID(), path, "GRID_WORKER");
        RequestPostProcessor admin = Callers.communityAdmin("admin", path);
        String volunteer = "volunteer-" + UUID.randomUUID();

        Instant startsAt = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        String activity = JSON.readTree(mvc.perform(post("/api/v1/activities").with(organiser)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"communityUnitId\": \"" + community + "\", \"title\": \"清理楼道杂物\", \"type\": "
                                + "\"CLEAN_UP\", \"place\": \"3号楼\", \"startsAt\": \"" + startsAt + "\", \"endsAt\": \""
                                + startsAt.plus(Duration.ofHours(2)) + "\", \"capacity\": 2, \"gridId\": \"grid-7\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asString();
        for (String enrolled : java.util.List.of(volunteer, "absent-" + volunteer)) {
            mvc.perform(post("/api/v1/activities/" + activity + "/enrolments").with(organiser)
                    .contentType(MediaType.APPLICATION_JSON).content("{\"accountId\": \"" + enrolled + "\"}"))
                    .andExpect(status().isCreated());
        }
        attend(activity, "check-ins", organiser, "{\"accountId\": \"" + volunteer + "\", \"at\": \"" + startsAt + "\"}");
        attend(activity, "check-outs", organiser, "{\"accountId\": \"" + volunteer + "\", \"at\": \""
                + startsAt.plus(Duration.ofHours(2)) + "\"}");
        mvc.perform(post("/api/v1/activities/" + activity + "/confirmation").with(organiser)).andExpect(status().isOk());

        String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
        mvc.perform(get("/api/v1/honour-lists/red").param("month", month).param("communityUnitId", community))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/honour-lists/red").param("month", month).param("gridId", "grid-7"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/points/accounts/me").with(Callers.person(volunteer))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/points/accounts/" + volunteer + "/entries").with(admin)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/points/accounts/" + volunteer + "/statements/" + month).with(Callers.person(volunteer)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/activities").param("communityUnitId", community).with(Callers.person(volunteer)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/activities/" + activity).with(Callers.person(volunteer))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/rewards").param("communityUnitId", community).param("onOffer", "true")
                .with(Callers.person(volunteer))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/redemptions").with(Callers.person(volunteer))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/redemptions").with(admin)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/honour-lists/black-list").with(admin)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/honour-lists/black-list").param("appeal", "PENDING").with(admin))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/honour-lists/black-list/mine").with(Callers.person(volunteer)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/points/party-members").with(admin)).andExpect(status().isOk());
        mongo.save(new org.bson.Document("_id", "street-t").append("unitType", "STREET_COMMITTEE")
                .append("name", "测试街道").append("path", Communities.STREET).append("active", true), "org_unit_copies");
        mvc.perform(post("/api/v1/community-lists").with(Callers.caller("street-admin", Communities.STREET, "STREET_ADMIN"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"month\": \"" + month + "\"}"))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/community-lists/published").param("scopeUnitId", "street-t").param("month", month))
                .andExpect(status().isNotFound());
        await().atMost(Duration.ofSeconds(10)).until(() -> sweptBoth());

        check( "ledger_entries", "points_accounts", "monthly_earnings", "black_list",
                "activities", "rewards", "redemptions", "party_members", "community_lists", "org_unit_copies");
    }

    /** The settle sweep (activities CONFIRMED and not settled) and the redemption sweep (PENDING, CANCELLED) ran. */
    private boolean sweptBoth() {
        return plans.recordedOn("activities").stream().anyMatch(query -> query.query().toJson().contains("settled"))
                && plans.recordedOn("redemptions").stream().anyMatch(query -> query.query().toJson().contains("PENDING"));
    }

    private void attend(String activity, String what, RequestPostProcessor caller, String body) throws Exception {
        mvc.perform(post("/api/v1/activities/" + activity + "/" + what).with(caller)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isOk());
    }

    /** What is asked of the queries recorded on the named collections. */
    abstract void check(String... collections);
}
