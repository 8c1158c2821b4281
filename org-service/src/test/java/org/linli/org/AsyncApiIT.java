package org.linli.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.linli.events.Topics;
import org.linli.platform.test.AsyncApiDocument;
import org.linli.platform.test.EmbeddedInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The AsyncAPI document (springwolf) names every org event as sent on org.events, and the events org-service reads. */
@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedInfrastructure
@ActiveProfiles("test")
class AsyncApiIT {

    @Autowired
    MockMvc mvc;

    @Test
    void documentsEveryOrgEventAsSentAndWhatItReads() throws Exception {
        AsyncApiDocument doc = AsyncApiDocument.of(mvc.perform(get("/springwolf/docs")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());

        assertThat(doc.messagesOn(Topics.ORG_EVENTS)).containsExactlyInAnyOrderElementsOf(
                AsyncApiDocument.contracts("org-events"));
        assertThat(doc.hasOperation(Topics.ORG_EVENTS, "send")).isTrue();
        assertThat(doc.messagesOn(Topics.PROPERTY_EVENTS)).containsExactlyInAnyOrder("CompoundCreated",
                "ContractStarted", "ContractEnded", "PatrolAssignmentStarted", "PatrolRecorded");
        assertThat(doc.hasOperation(Topics.PROPERTY_EVENTS, "receive")).isTrue();
        assertThat(doc.messagesOn(Topics.GRID_EVENTS)).containsExactlyInAnyOrder("HouseholdRegistered");
        assertThat(doc.messagesOn(Topics.ISSUE_EVENTS)).containsExactlyInAnyOrder("MicroWishFulfilled");
    }
}
