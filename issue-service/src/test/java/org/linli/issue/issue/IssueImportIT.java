package org.linli.issue.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.issue.Seeds.admin;
import static org.linli.issue.Seeds.caller;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.events.Topics;
import org.linli.issue.MutableClock;
import org.linli.issue.Seeds;
import org.linli.platform.test.EmbeddedInfrastructure;
import org.linli.platform.test.PublishedEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
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

/**
 * The 12345 history import through the API on embedded Kafka and Mongo: records routed to the seeded grid
 * and compound with their original times, duplicates in and across requests, per-row errors beside imported
 * rows, IssueImported as its contract, nothing for the sweep, 403 for every role but the county admin and
 * 400 with nothing written for a broken request.
 */
@SpringBootTest(properties = {"spring.kafka.consumer.group-id=issue-import-it-${random.uuid}",
        "linli.issue.sweep.enabled=false", "linli.issue.grid-service.url=http://127.0.0.1:9"})
@AutoConfigureMockMvc
@EmbeddedInfrastructure
@Import(MutableClock.Config.class)
class IssueImportIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    MutableClock clock;
    @Autowired
    DeadlineSweep deadlines;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @BeforeEach
    void copiesKnowTheCommunityGridWorkerAndCompound() {
        Seeds.replay(kafka, mongo);
    }

    @Test
    void importsHistoryWithItsOriginalTimesReportsBrokenRowsAndAnswersDuplicatesTheSecondTime() throws Exception {
        String prefix = "HL-" + UUID.randomUUID() + "-";
        Instant received = clock.instant().minus(Duration.ofDays(90)).truncatedTo(ChronoUnit.SECONDS);
        List<Map<String, Object>> records = new ArrayList<>();
        records.add(record(prefix + "1", received, "CLOSED", Map.of("resolvedAt", received.plusSeconds(3600).toString(),
                "closedAt", received.plusSeconds(86_400).toString(), "rating", 5)));
        records.add(record(prefix + "2", received, "DISPATCHED", Map.of()));
        records.add(record(prefix + "3", received, "REJECTED", Map.of("closedAt", received.plusSeconds(600).toString(),
                "note", "不属于受理范围")));
        records.add(record(prefix + "4", received, "CLOSED", Map.of("category", "NOT_A_CATEGORY")));
        records.add(record(prefix + "5", received, "HELD", Map.of()));
        records.add(record(prefix + "1", received, "CLOSED", Map.of("resolvedAt", received.plusSeconds(3600).toString(),
                "closedAt", received.plusSeconds(86_400).toString())));
        String body = JSON.writeValueAsString(Map.of("source", "12345", "records", records));

        JsonNode first = json(send(body, county()).andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(3))
                .andExpect(jsonPath("$.duplicates").value(1))
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[0].index").value(3))
                .andExpect(jsonPath("$.errors[0].sourceRecordId").value(prefix + "4"))
                .andExpect(jsonPath("$.errors[0].code").value("invalid-field"))
                .andExpect(jsonPath("$.errors[1].code").value("status-not-importable"))
                .andExpect(jsonPath("$.rows[5].outcome").value("duplicate")));
        String closedId = first.at("/rows/0/issueId").asString();
        String dispatchedId = first.at("/rows/1/issueId").asString();
        assertThat(mongo.findById(closedId, org.bson.Document.class, "issues").toJson())
                .as("the imported phone is stored encrypted").doesNotContain("13912345678")
                .contains(org.linli.platform.protection.FieldCipher.PREFIX);
        assertThat(first.at("/rows/5/issueId").asString()).isEqualTo(closedId);

        mvc.perform(get("/api/v1/issues/" + closedId).with(county()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.channel").value("HOTLINE"))
                .andExpect(jsonPath("$.reportedAt").value(received.toString()))
                .andExpect(jsonPath("$.deadlines.onSiteDueAt").value(received.plusSeconds(300).toString()))
                .andExpect(jsonPath("$.gridId").value(Seeds.GRID))
                .andExpect(jsonPath("$.compoundId").value(Seeds.COMPOUND))
                .andExpect(jsonPath("$.communityUnitId").value(Seeds.COMMUNITY))
                .andExpect(jsonPath("$.rating").value(5))
                .andExpect(jsonPath("$.importSource").value("12345"))
                .andExpect(jsonPath("$.sourceRecordId").value(prefix + "1"));
        mvc.perform(get("/api/v1/issues/" + dispatchedId).with(admin()))
                .andExpect(jsonPath("$.status").value("DISPATCHED"))
                .andExpect(jsonPath("$.assigneeAppointmentId").value(Seeds.APPOINTMENT))
                .andExpect(jsonPath("$.level").value("GRID"))
                .andExpect(jsonPath("$.supervised").value(true));

        JsonNode event = PublishedEvents.awaitFirst(bootstrapServers, Topics.ISSUE_EVENTS, closedId, "IssueImported");
        PublishedEvents.assertMatchesExample(event, "issue-events");
        assertThat(event.at("/payload/receivedAt").asString()).isEqualTo(received.toString());
        assertThat(deadlines.sweep(500)).as("history is not due for the sweep").isZero();

        send(body, county()).andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(0))
                .andExpect(jsonPath("$.duplicates").value(4))
                .andExpect(jsonPath("$.errors.length()").value(2));
        assertThat(mongo.count(Query.query(Criteria.where("sourceRecordId").regex("^" + prefix)), Issue.class))
                .isEqualTo(3);
    }

    @Test
    void onlyTheCountyAdminImports() throws Exception {
        String body = JSON.writeValueAsString(Map.of("source", "12345", "records",
                List.of(record("HL-" + UUID.randomUUID(), clock.instant().minus(Duration.ofDays(1)), "REPORTED",
                        Map.of()))));

        send(body, admin()).andExpect(status().isForbidden());
        send(body, caller("STREET_ADMIN", "/" + Seeds.STREET + "/", "street-admin")).andExpect(status().isForbidden());
        send(body, Seeds.worker()).andExpect(status().isForbidden());
    }

    @Test
    void aBrokenRequestAsAWholeIsRefusedWithNothingWritten() throws Exception {
        String id = "HL-" + UUID.randomUUID();
        Map<String, Object> valid = record(id, clock.instant().minus(Duration.ofDays(1)), "REPORTED", Map.of());

        send(JSON.writeValueAsString(Map.of("source", "99999", "records", List.of(valid))), county())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("source"));
        send(JSON.writeValueAsString(Map.of("source", "12345", "records", List.of())), county())
                .andExpect(status().isBadRequest());
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i <= IssueImportController.MAX_RECORDS; i++) {
            tooMany.add(valid);
        }
        send(JSON.writeValueAsString(Map.of("source", "12345", "records", tooMany)), county())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("records"));
        send("{\"source\": \"12345\", \"records\": [", county()).andExpect(status().isBadRequest());

        assertThat(mongo.exists(Query.query(Criteria.where("sourceRecordId").is(id)), Issue.class)).isFalse();
    }

    private static Map<String, Object> record(String id, Instant received, String status, Map<String, Object> extra) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("sourceRecordId", id);
        record.put("receivedAt", received.toString());
        record.put("category", "PROPERTY_REPAIR");
        record.put("title", "路灯不亮");
        record.put("description", "小区门口路灯坏了三天");
        record.put("location", Map.of("lat", Seeds.LAT, "lng", Seeds.LNG));
        record.put("reporterName", "王五");
        record.put("reporterPhone", "13912345678");
        record.put("status", status);
        record.putAll(extra);
        return record;
    }

    private ResultActions send(String body, RequestPostProcessor who) throws Exception {
        return mvc.perform(post("/api/v1/issues/imports").with(who).contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private static RequestPostProcessor county() {
        return caller("COUNTY_ADMIN", null, "admin");
    }

    private static JsonNode json(ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString());
    }
}
