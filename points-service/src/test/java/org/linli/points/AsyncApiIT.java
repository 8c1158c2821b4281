package org.linli.points;

import java.util.List;
import java.util.Map;
import org.linli.events.Topics;
import org.linli.platform.test.AsyncApiContract;
import org.linli.platform.test.EmbeddedInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/** points-service's AsyncAPI document: what it sends and what it reads ({@link AsyncApiContract}). */
@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedInfrastructure
class AsyncApiIT extends AsyncApiContract {

    AsyncApiIT() {
        super(Topics.POINTS_EVENTS, "points-events", Map.of(
                Topics.ISSUE_EVENTS, List.of("IssueClosed", "MicroWishFulfilled"),
                Topics.ORG_EVENTS, List.of("OrgUnitCreated", "OrgUnitRenamed", "OrgUnitMoved", "OrgUnitDeactivated",
                        "PartyMemberRegistered", "AccountOpened")));
    }
}
