package org.linli.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.linli.events.Topics;
import org.linli.platform.test.EmbeddedInfrastructure;
import org.linli.points.ledger.LedgerEntry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Bad input found by the sweep of issue #15: each answered 500, or 201/200 for an account nobody holds; now a 4xx
 * problem+json with a code, and nothing stored.
 */
@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedInfrastructure
class BadInputIT {

    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;
    /** The account of the pinned {@code AccountOpened} example. */
    private static final String OPENED = "3c1d5e7f-9a2b-4c4d-8e6f-0a1b2c3d4e5f";

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    KafkaTemplate<String, String> kafka;

    private static RequestPostProcessor countyAdmin() {
        return Callers.caller("county-admin", null, "COUNTY_ADMIN");
    }

    @Test
    void aGarbageMonthOnThePublicRedListAnswers400NamingIt() throws Exception {
        mvc.perform(get("/api/v1/honour-lists/red").param("month", "abc").param("communityUnitId", "c-1"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.code").value("invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("month"));
    }

    @Test
    void aMonthThirteenStatementAnswers400() throws Exception {
        mvc.perform(get("/api/v1/points/accounts/me-1/statements/2026-13").with(Callers.person("me-1")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors[0].field").value("month"));
    }

    @Test
    void anAccountNoOneHoldsAnswers404AndTakesNoCorrection() throws Exception {
        for (String id : new String[] {"nobody-holds-this", "a b", "a$b{c}|<d>", "\u202Eevil"}) {
            mvc.perform(get("/api/v1/points/accounts/{id}", id).with(countyAdmin()))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                    .andExpect(jsonPath("$.code").value("not-found"));
            mvc.perform(post("/api/v1/points/accounts/{id}/corrections", id).with(countyAdmin())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"amount\": 50, \"reference\": \"phantom-1\"}"))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.code").value("not-found"));
            assertThat(mongo.count(Query.query(Criteria.where("accountId").is(id)), LedgerEntry.class)).isZero();
        }
    }

    @Test
    void anAccountOrgServiceOpenedCanBeReadAndCorrected() throws Exception {
        kafka.send(Topics.ORG_EVENTS, OPENED, pinned("AccountOpened")).get();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                mvc.perform(get("/api/v1/points/accounts/{id}", OPENED).with(countyAdmin()))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.balance").value(0))
                        .andExpect(jsonPath("$.holderName").value("王建国")));
        mvc.perform(post("/api/v1/points/accounts/{id}/corrections", OPENED).with(countyAdmin())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"amount\": 5, \"reference\": \"opening-1\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/points/accounts/" + OPENED + "/entries"));
    }

    @Test
    void aPersonAskingForSomeoneElsesAccountGets403WhetherOrNotItExists() throws Exception {
        mvc.perform(get("/api/v1/points/accounts/nobody-holds-this").with(Callers.person("me-2")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("forbidden"));
    }

    @Test
    void anUnknownAsyncApiGroupAnswers404WithoutAToken() throws Exception {
        mvc.perform(get("/springwolf/docs/no-such-group"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.code").value("not-found"));
    }

    private static String pinned(String type) throws Exception {
        try (InputStream in = BadInputIT.class.getResourceAsStream("/contracts/org-events/" + type + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
