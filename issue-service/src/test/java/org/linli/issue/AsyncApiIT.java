package org.linli.issue;

import java.util.List;
import java.util.Map;
import org.linli.events.Topics;
import org.linli.platform.test.AsyncApiContract;
import org.linli.platform.test.EmbeddedInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/** issue-service's AsyncAPI document: what it sends and what it reads ({@link AsyncApiContract}). */
@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedInfrastructure
class AsyncApiIT extends AsyncApiContract {

    AsyncApiIT() {
        super(Topics.ISSUE_EVENTS, "issue-events", Map.of(
                Topics.GRID_EVENTS, List.of("GridCreated", "GridBoundaryChanged", "BuildingRegistered",
                        "GridWorkerAppointed", "GridWorkerReplaced"),
                Topics.PROPERTY_EVENTS, List.of("CompoundCreated", "ContractStarted", "ContractEnded"),
                Topics.ORG_EVENTS, List.of("OrgUnitCreated", "OrgUnitRenamed", "OrgUnitMoved", "OrgUnitDeactivated")));
    }
}
