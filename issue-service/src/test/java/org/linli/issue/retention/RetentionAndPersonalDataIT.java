package org.linli.issue.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.linli.issue.Seeds.caller;
import static org.linli.issue.Seeds.resident;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.linli.issue.Seeds;
import org.linli.issue.issue.Category;
import org.linli.issue.issue.Channel;
import org.linli.issue.issue.DeadlinePolicy;
import org.linli.issue.issue.Issue;
import org.linli.issue.issue.Report;
import org.linli.issue.place.Route;
import org.linli.platform.test.EmbeddedInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The resident's own part of the download (issues with phone unmasked, only theirs) and the retention job on the
 * embedded store: only issues ended longer ago than P3Y lose their reporter, a second run finds nothing, and the
 * runs' counts are readable by county and system admins only.
 */
@SpringBootTest(properties = {"spring.kafka.consumer.group-id=retention-it-${random.uuid}",
        "linli.issue.sweep.enabled=false", "linli.retention.enabled=false",
        "linli.issue.grid-service.url=http://127.0.0.1:9"})
@AutoConfigureMockMvc
@EmbeddedInfrastructure
class RetentionAndPersonalDataIT {

    private static final Route COMMUNITY_QUEUE = new Route(null, Seeds.COMMUNITY, Seeds.COMMUNITY_PATH, Seeds.STREET,
            null, null, null, null, Route.Source.COMMUNITY_QUEUE);

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    IssueReporterRetention retention;

    @Test
    void aResidentGetsOwnIssuesUnmaskedAndOnlyThose() throws Exception {
        String resident = "resident-" + UUID.randomUUID();
        Issue own = mongo.insert(issue(resident, Instant.now().minus(Duration.ofDays(2)), null));
        Issue others = mongo.insert(issue("someone-else", Instant.now().minus(Duration.ofDays(2)), null));

        mvc.perform(get("/api/v1/personal-data/issues").with(resident(resident)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.issues[*].id", hasItem(own.id())))
                .andExpect(jsonPath("$.issues[*].id", not(hasItem(others.id()))))
                .andExpect(jsonPath("$.issues[0].reporterPhone").value("13812345678"))
                .andExpect(jsonPath("$.issues[0].reporterName").value("张三"))
                .andExpect(jsonPath("$.microWishes").isArray());
    }

    @Test
    void issuesEndedLongerAgoThanTheRetentionLoseTheirReporterOthersKeepIt() throws Exception {
        Instant now = Instant.now();
        Instant fourYearsAgo = now.atOffset(ZoneOffset.UTC).minusYears(4).toInstant();
        String resident = "resident-" + UUID.randomUUID();
        Issue old = mongo.insert(issue(resident, fourYearsAgo, fourYearsAgo.plus(Duration.ofDays(3))));
        Issue recent = mongo.insert(issue(resident, now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(300))));
        Issue stillOpen = mongo.insert(issue(resident, fourYearsAgo, null));

        RetentionRun first = retention.run().orElseThrow();
        RetentionRun second = retention.run().orElseThrow();

        assertThat(first.examined()).isGreaterThanOrEqualTo(1);
        assertThat(first.anonymised()).isEqualTo(first.examined());
        assertThat(second.examined()).isZero();
        assertThat(first.retention()).isEqualTo("P3Y");
        Issue anonymised = mongo.findById(old.id(), Issue.class);
        assertThat(anonymised.reporterName()).isNull();
        assertThat(anonymised.reporterPhone()).isNull();
        assertThat(anonymised.reporterAccountId()).isEqualTo(resident);
        assertThat(anonymised.reporterAnonymisedAt()).isNotNull();
        assertThat(mongo.findById(recent.id(), Issue.class).reporterPhone()).isEqualTo("13812345678");
        assertThat(mongo.findById(stillOpen.id(), Issue.class).reporterName()).isEqualTo("张三");

        mvc.perform(get("/api/v1/retention-runs").with(caller("COUNTY_ADMIN", null, "county-admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[0].id").value(second.id()))
                .andExpect(jsonPath("$.content[1].id").value(first.id()))
                .andExpect(jsonPath("$.content[1].anonymised").value((int) first.anonymised()))
                .andExpect(jsonPath("$.content[1].kind").value("ISSUE_REPORTER"));
        mvc.perform(get("/api/v1/retention-runs").with(caller("SYSTEM_ADMIN", null, "system-admin")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/retention-runs").with(Seeds.admin())).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/retention-runs").with(resident(resident))).andExpect(status().isForbidden());
    }

    /** An app report by {@code reporter} at {@code reportedAt}, closed at {@code closedAt} when given. */
    private static Issue issue(String reporter, Instant reportedAt, Instant closedAt) {
        Issue issue = Issue.report(new Report(Category.PROPERTY_REPAIR, null, Channel.APP, "楼道灯不亮", 36.2,
                        113.4, null, null, false, reporter, "张三", "13812345678", null, List.of(), null),
                COMMUNITY_QUEUE, null, DeadlinePolicy.STANDARD, reportedAt);
        if (closedAt != null) {
            issue.closeByDecision("admin-1", "联席会议已解决", closedAt);
        }
        return issue;
    }
}
