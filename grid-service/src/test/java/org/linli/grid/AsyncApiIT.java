package org.linli.grid;

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

/** The AsyncAPI document (springwolf) names every grid event as sent and the org events grid-service reads. */
@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedInfrastructure
class AsyncApiIT {

    @Autowired
    MockMvc mvc;

    @Test
    void documentsEveryGridEventAsSentAndTheOrgEventsItReads() throws Exception {
        AsyncApiDocument doc = AsyncApiDocument.of(mvc.perform(get("/springwolf/docs")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());

        assertThat(doc.messagesOn(Topics.GRID_EVENTS)).containsExactlyInAnyOrderElementsOf(
                AsyncApiDocument.contracts("grid-events"));
        assertThat(doc.hasOperation(Topics.GRID_EVENTS, "send")).isTrue();
        assertThat(doc.messagesOn(Topics.ORG_EVENTS)).containsExactlyInAnyOrder("OrgUnitCreated", "OrgUnitRenamed",
                "OrgUnitMoved", "OrgUnitDeactivated", "PartyMemberRegistered", "PartyMemberTransferred");
        assertThat(doc.hasOperation(Topics.ORG_EVENTS, "receive")).isTrue();
        assertThat(doc.json().at("/components/schemas/org.linli.events.grid.GridCreated/examples/0/name").asString())
                .as("the pinned contract example, not a generated placeholder").isEqualTo("檀溪社区第一微网格");
        mvc.perform(get("/springwolf/asyncapi-ui.html")).andExpect(status().isOk());
    }
}
