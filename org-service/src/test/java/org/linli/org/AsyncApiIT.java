package org.linli.org;

import java.util.List;
import java.util.Map;
import org.linli.events.Topics;
import org.linli.platform.test.AsyncApiContract;
import org.linli.platform.test.EmbeddedInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;

/** org-service's AsyncAPI document: what it sends and what it reads ({@link AsyncApiContract}). */
@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedInfrastructure
@ActiveProfiles("test")
class AsyncApiIT extends AsyncApiContract {

    AsyncApiIT() {
        super(Topics.ORG_EVENTS, "org-events", Map.of(
                Topics.PROPERTY_EVENTS, List.of("CompoundCreated", "ContractStarted", "ContractEnded",
                        "PatrolAssignmentStarted", "PatrolRecorded"),
                Topics.GRID_EVENTS, List.of("HouseholdRegistered"),
                Topics.ISSUE_EVENTS, List.of("MicroWishFulfilled")));
    }
}
