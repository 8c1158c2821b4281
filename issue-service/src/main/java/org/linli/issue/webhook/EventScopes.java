package org.linli.issue.webhook;

import org.linli.issue.issue.IssueQueries;
import org.linli.issue.place.Places;
import org.linli.platform.messaging.IncomingEvent;
import org.linli.platform.domain.NotFoundException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Where an issue event happened, as an org path: the issue's community path for events about an issue
 * ({@code issueId} in the payload), else the path of the payload's {@code communityUnitId} (a micro-wish);
 * {@code null} for the county queue or a place not known here, which only county-wide subscriptions receive.
 */
@Component
class EventScopes {

    private final IssueQueries issues;
    private final Places places;

    EventScopes(IssueQueries issues, Places places) {
        this.issues = issues;
        this.places = places;
    }

    String pathOf(IncomingEvent event) {
        JsonNode payload = event.envelope().payload();
        String issueId = payload.path("issueId").asString(null);
        if (issueId != null) {
            try {
                return issues.find(issueId).communityPath();
            } catch (NotFoundException unknown) {
                return null;
            }
        }
        return places.pathOf(payload.path("communityUnitId").asString(null));
    }
}
