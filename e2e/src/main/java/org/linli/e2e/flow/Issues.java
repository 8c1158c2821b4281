package org.linli.e2e.flow;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.linli.e2e.client.Box;
import org.linli.e2e.client.Eventually;
import org.linli.e2e.client.Identifiers;
import org.linli.e2e.client.Session;
import tools.jackson.databind.JsonNode;

/**
 * issue-service steps the flows share: hotline reports at distinct points of a neighbourhood's micro-grid,
 * reading an issue, and reporting until the routing shows what another service changed.
 */
final class Issues {

    /** Categories in turn, so neighbouring reports are never suggested as duplicates of each other. */
    private static final List<String> CATEGORIES = List.of("PROPERTY_REPAIR", "ENVIRONMENT", "PARKING", "NOISE",
            "ROAD_AND_LIGHTING", "OTHER", "UTILITIES", "ILLEGAL_CONSTRUCTION");
    private static final int SPOTS = 8;

    private Issues() {
    }

    /** Staff's view of an issue. */
    static JsonNode read(Session staff, String issueId) {
        return staff.get("/api/v1/issues/" + issueId).ok();
    }

    /**
     * An administrator records a hotline call (热线) about a spot inside the neighbourhood's micro-grid; the
     * {@code n}-th call takes the {@code n}-th spot and category, so calls differ in place and kind.
     */
    static JsonNode reportByHotline(Session admin, Neighbourhood n, int call) {
        Box spot = n.microBox().inset(0.1).rows(SPOTS).get(call % SPOTS);
        return admin.post("/api/v1/issues", Map.of("channel", "HOTLINE",
                "category", CATEGORIES.get(call % CATEGORIES.size()),
                "description", "端到端热线来电 " + n.run() + " #" + call,
                "lat", spot.centreLat(), "lng", spot.centreLng(),
                "reporterName", "热线来电人", "reporterPhone", Identifiers.phone(call))).expect(201);
    }

    /**
     * Hotline calls about the neighbourhood's compound until issue-service routes one to {@code companyId} (it
     * learns who serves a compound from property-service's ContractStarted), and answers that issue. Calls
     * start at number {@code firstCall}; each one is a real issue of the compound.
     */
    static JsonNode reportUntilRoutedTo(Session admin, Neighbourhood n, String companyId, int firstCall) {
        int[] call = {firstCall};
        return Eventually.until("issue-service routes a new report in compound " + n.compoundId() + " to company "
                        + companyId, () -> reportByHotline(admin, n, call[0]++),
                issue -> companyId.equals(issue.path("companyId").asString(null)));
    }

    /** The actions of the issue's timeline, e.g. REPORTED, OVERDUE, ESCALATED. */
    static List<String> actions(JsonNode issue) {
        return StreamSupport.stream(issue.path("history").spliterator(), false)
                .map(step -> step.path("action").asString()).toList();
    }

    /** The note of the first timeline step with that action ({@code null} when there is none). */
    static String noteOf(JsonNode issue, String action) {
        return StreamSupport.stream(issue.path("history").spliterator(), false)
                .filter(step -> action.equals(step.path("action").asString())).findFirst()
                .map(step -> step.path("note").asString(null)).orElse(null);
    }
}
