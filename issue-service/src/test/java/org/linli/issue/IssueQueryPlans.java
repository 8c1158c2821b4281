package org.linli.issue;

import static org.linli.issue.Seeds.admin;
import static org.linli.issue.Seeds.appointedWorker;
import static org.linli.issue.Seeds.caller;
import static org.linli.issue.Seeds.resident;
import static org.linli.issue.Seeds.worker;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.mongodb.client.MongoClient;
import org.junit.jupiter.api.Test;
import org.linli.issue.issue.DeadlineSweep;
import org.linli.issue.issue.IssueQueries;
import org.linli.platform.test.QueryPlans;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Every query issue-service sends on its hot paths is answered through an index on real MongoDB: the
 * consumers' copies, intake (routing, the duplicate check), an issue by id, the lists as each kind of caller
 * sees them in their default order, the statistics, the 5341 sweep, a meeting's agenda, meetings and
 * micro-wishes, disputes' lists (a grid worker's: their grids by the worker copies' accountId) and success rates, and the outbox relay's poll. The service's own code sends
 * them; {@link QueryPlans} records them and asks MongoDB's {@code explain} for each. Run by {@link IssueQueryPlansContainersIT} (real MongoDB,
 * skipped without Docker) and {@link IssueQueryPlansEmbeddedIT} (the embedded store, which has no {@code explain}:
 * there only that the hot paths ran and queried these collections).
 */
@SpringBootTest(properties = {"spring.kafka.consumer.group-id=issue-plans-${random.uuid}",
        "linli.issue.sweep.enabled=false", "linli.issue.qr.secret=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
        "linli.issue.grid-service.url=http://127.0.0.1:9"})
@AutoConfigureMockMvc
@Import(QueryPlans.Recording.class)
abstract class IssueQueryPlans {

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    DeadlineSweep deadlines;
    @Autowired
    IssueQueries issues;
    @Autowired
    QueryPlans plans;
    @Autowired
    MongoClient client;

    @Test
    void theHotPathsQueryThroughIndexes() throws Exception {
        plans.forget();
        Seeds.replay(kafka, mongo);
        String id = report("resident-a");
        report("resident-b");

        mvc.perform(get("/api/v1/issues/" + id).with(admin())).andExpect(status().isOk());
        for (RequestPostProcessor who : new RequestPostProcessor[] {resident("resident-a"), admin(), worker(),
                caller("COUNTY_ADMIN", null, "county"), caller("DEPARTMENT_STAFF", "/dept-housing/", "dept-1"),
                caller("DEPARTMENT_STAFF", null, "dept-county")}) {
            mvc.perform(get("/api/v1/issues").with(who)).andExpect(status().isOk());
        }
        mvc.perform(get("/api/v1/issues").param("status", "DISPATCHED").param("gridId", Seeds.GRID).with(admin()))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/issues/statistics").param("communityUnitId", Seeds.COMMUNITY).with(admin()))
                .andExpect(status().isOk());
        // a street's and the county's figures: the kept sums per hour and day (FigureCache)
        for (RequestPostProcessor who : new RequestPostProcessor[] {admin(), caller("COUNTY_ADMIN", null, "county")}) {
            mvc.perform(get("/api/v1/issues/statistics").with(who)).andExpect(status().isOk());
        }
        deadlines.sweep(500);
        issues.escalatedIn(Seeds.COMMUNITY, 20);
        mvc.perform(get("/api/v1/meetings").with(admin())).andExpect(status().isOk());
        mvc.perform(get("/api/v1/meetings/published").param("communityUnitId", Seeds.COMMUNITY)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/micro-wishes").with(admin())).andExpect(status().isOk());
        mvc.perform(get("/api/v1/micro-wishes").with(resident("resident-a"))).andExpect(status().isOk());
        mvc.perform(post("/api/v1/disputes").with(appointedWorker()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\": \"NEIGHBOUR\", \"description\": \"噪音\", \"parties\": [{\"name\": \"张三\"}, "
                        + "{\"name\": \"李四\"}], \"lat\": " + Seeds.LAT + ", \"lng\": " + Seeds.LNG + "}"))
                .andExpect(status().isCreated());
        for (RequestPostProcessor who : new RequestPostProcessor[] {appointedWorker(), admin(),
                caller("COUNTY_ADMIN", null, "county")}) {
            mvc.perform(get("/api/v1/disputes").with(who)).andExpect(status().isOk());
        }
        for (RequestPostProcessor who : new RequestPostProcessor[] {admin(), caller("COUNTY_ADMIN", null, "county")}) {
            mvc.perform(get("/api/v1/disputes/success-rates").with(who)).andExpect(status().isOk());
        }
        mvc.perform(get("/api/v1/disputes/success-rates").param("by", "WORKER").param("gridId", Seeds.GRID)
                .with(admin())).andExpect(status().isOk());
        mvc.perform(get("/api/v1/disputes/success-rates").param("workerAccountId", "worker-wang").with(admin()))
                .andExpect(status().isOk());

        check( "issues", "grid_copies", "building_copies", "worker_copies",
                "org_unit_copies", "meetings", "micro_wishes", "disputes", "processed_events");
    }

    private String report(String resident) throws Exception {
        String location = mvc.perform(post("/api/v1/issues").with(resident(resident)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"category\": \"PARKING\", \"description\": \"车辆堵住消防通道\", \"lat\": " + Seeds.LAT
                                + ", \"lng\": " + Seeds.LNG + "}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** What is asked of the queries recorded on the named collections. */
    abstract void check(String... collections);
}
