package org.linli.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linli.events.Topics;
import org.linli.platform.test.AsyncApiContract;
import org.linli.platform.test.EmbeddedInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/** grid-service's AsyncAPI document: what it sends and what it reads ({@link AsyncApiContract}). */
@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedInfrastructure
class AsyncApiIT extends AsyncApiContract {

    AsyncApiIT() {
        super(Topics.GRID_EVENTS, "grid-events", Map.of(
                Topics.ORG_EVENTS, List.of("OrgUnitCreated", "OrgUnitRenamed", "OrgUnitMoved", "OrgUnitDeactivated",
                        "PartyMemberRegistered", "PartyMemberTransferred")));
    }

    @Test
    void showsThePinnedContractExampleAndServesTheUi() throws Exception {
        assertThat(document().json().at("/components/schemas/org.linli.events.grid.GridCreated/examples/0/name")
                .asString()).as("the pinned contract example, not a generated placeholder")
                .isEqualTo("檀溪社区第一微网格");
        mvc.perform(get("/springwolf/asyncapi-ui.html")).andExpect(status().isOk());
    }
}
