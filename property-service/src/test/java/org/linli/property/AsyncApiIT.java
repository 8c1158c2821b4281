package org.linli.property;

import java.util.List;
import java.util.Map;
import org.linli.events.Topics;
import org.linli.platform.test.AsyncApiContract;
import org.linli.platform.test.EmbeddedInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/** property-service's AsyncAPI document: what it sends and what it reads ({@link AsyncApiContract}). */
@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedInfrastructure
class AsyncApiIT extends AsyncApiContract {

    AsyncApiIT() {
        super(Topics.PROPERTY_EVENTS, "property-events", Map.of(
                Topics.ORG_EVENTS, List.of("OrgUnitCreated", "OrgUnitRenamed", "OrgUnitMoved", "OrgUnitDeactivated",
                        "OwnersCommitteeFormed", "OwnersCommitteeReElected", "PropertyCompanyPartyStatusChanged",
                        "DualRegistrationUnitRegistered"),
                Topics.GRID_EVENTS, List.of("GridCreated"),
                Topics.ISSUE_EVENTS, List.of("IssueReported", "IssueClosed")));
    }
}
