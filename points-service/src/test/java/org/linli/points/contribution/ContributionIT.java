package org.linli.points.contribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Year;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.linli.events.Topics;
import org.linli.platform.test.EmbeddedInfrastructure;
import org.linli.points.Callers;
import org.linli.points.ledger.Ledger;
import org.linli.points.ledger.LedgerEntry.Context;
import org.linli.points.ledger.Reason;
import org.linli.points.copies.PartyMemberCopy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** The org copies and member copies from org-service's pinned events, and the contribution record. */
@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedInfrastructure
class ContributionIT {

    private static final String MEMBER = "9c3d1f2a-7e4b-4a6c-8d2e-1f0a9b8c7d61";
    private static final String COMMUNITY = "0b7e2c4a-51f9-4c0e-8f1e-9d0a7c3b5e11";
    private static final String COMMUNITY_PATH = "/a3d4e5f6-0000-4000-8000-000000000001/" + COMMUNITY + "/";

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MockMvc mvc;
    @Autowired
    Ledger ledger;

    @Test
    void aRegisteredMemberGetsAContributionRecordWithPointsAndPropertyFees() throws Exception {
        kafka.send(Topics.ORG_EVENTS, COMMUNITY, pinned("OrgUnitCreated")).get();
        kafka.send(Topics.ORG_EVENTS, MEMBER, pinned("PartyMemberRegistered")).get();
        kafka.send(Topics.ORG_EVENTS, MEMBER, pinned("PartyMemberRegistered")).get();
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.findById(MEMBER, PartyMemberCopy.class) != null);
        assertThat(mongo.findById(MEMBER, PartyMemberCopy.class).accountId())
                .as("the account named at registration").isEqualTo("3c1d5e7f-9a2b-4c4d-8e6f-0a1b2c3d4e5f");

        mvc.perform(put("/api/v1/points/party-members/" + MEMBER + "/account")
                        .with(Callers.communityAdmin("admin", "/a3d4e5f6-0000-4000-8000-000000000001/other/"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"accountId\": \"member-account\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/points/party-members/" + MEMBER + "/account")
                        .with(Callers.communityAdmin("admin", COMMUNITY_PATH))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"accountId\": \"member-account\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("王建国"));
        int year = Year.now(ZoneId.of("Asia/Shanghai")).getValue();
        mvc.perform(put("/api/v1/points/party-members/" + MEMBER + "/property-fees/" + year)
                        .with(Callers.communityAdmin("admin", COMMUNITY_PATH))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\": \"SOMETIMES\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("invalid-fee-status"));
        mvc.perform(put("/api/v1/points/party-members/" + MEMBER + "/property-fees/" + year)
                        .with(Callers.communityAdmin("admin", COMMUNITY_PATH))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\": \"PAID\", \"note\": \"全年已缴\"}"))
                .andExpect(status().isOk());
        ledger.credit("member-account", 20, Reason.ISSUE_RESOLVED, "issue:contribution-test", Context.NONE, null, null);

        mvc.perform(get("/api/v1/points/party-members/" + MEMBER + "/contribution/" + year)
                        .with(Callers.person("member-account")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.pointsEarned").value(20))
                .andExpect(jsonPath("$.pointsByReason.ISSUE_RESOLVED").value(20))
                .andExpect(jsonPath("$.propertyFee.status").value("PAID"));
        mvc.perform(get("/api/v1/points/party-members/" + MEMBER + "/contribution/" + year)
                        .with(Callers.person("someone-else")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/points/party-members").with(Callers.communityAdmin("admin", COMMUNITY_PATH)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(1));
    }

    private static String pinned(String type) throws Exception {
        try (InputStream in = ContributionIT.class.getResourceAsStream("/contracts/org-events/" + type + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
