package org.linli.property;

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
import org.springframework.test.web.servlet.MockMvc;

/** The AsyncAPI document (springwolf) names every event property-service sends and every event it reads. */
@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedInfrastructure
class AsyncApiIT {

    @Autowired
    MockMvc mvc;

    @Test
    void documentsWhatItSendsAndWhatItReads() throws Exception {
        AsyncApiDocument doc = AsyncApiDocument.of(mvc.perform(get("/springwolf/docs")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());

        assertThat(doc.messagesOn(Topics.PROPERTY_EVENTS)).containsExactlyInAnyOrderElementsOf(
                AsyncApiDocument.contracts("property-events"));
        assertThat(doc.hasOperation(Topics.PROPERTY_EVENTS, "send")).isTrue();
        assertThat(doc.messagesOn(Topics.ORG_EVENTS)).containsExactlyInAnyOrder("OrgUnitCreated", "OrgUnitRenamed", "OrgUnitMoved", "OrgUnitDeactivated", "OwnersCommitteeFormed", "OwnersCommitteeReElected", "PropertyCompanyPartyStatusChanged", "DualRegistrationUnitRegistered");
        assertThat(doc.hasOperation(Topics.ORG_EVENTS, "receive")).isTrue();
        assertThat(doc.messagesOn(Topics.GRID_EVENTS)).containsExactlyInAnyOrder("GridCreated");
        assertThat(doc.hasOperation(Topics.GRID_EVENTS, "receive")).isTrue();
        assertThat(doc.messagesOn(Topics.ISSUE_EVENTS)).containsExactlyInAnyOrder("IssueReported", "IssueClosed");
        assertThat(doc.hasOperation(Topics.ISSUE_EVENTS, "receive")).isTrue();
    }
}
