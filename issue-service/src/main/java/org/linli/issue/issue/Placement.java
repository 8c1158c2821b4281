package org.linli.issue.issue;

import org.linli.issue.place.Route;
import org.springframework.data.mongodb.core.index.Indexed;

/**
 * Where routing placed an issue (归属): the {@link Route} it was reported by, without the grid worker (who becomes the
 * issue's assignee). The community path scopes who may see the issue. Stored flat in the issue's document
 * ({@code @Unwrapped}), under the field names it always had; an org unit's move rewrites the path and street there.
 *
 * @param routedBy how the route was found
 */
record Placement(@Indexed String gridId, @Indexed String communityUnitId, @Indexed String communityPath,
                 String streetUnitId, @Indexed String compoundId, @Indexed String companyId, Route.Source routedBy) {

    static Placement of(Route route) {
        return new Placement(route.gridId(), route.communityUnitId(), route.communityPath(), route.streetUnitId(),
                route.compoundId(), route.companyId(), route.source());
    }

    /** The level an issue placed here starts at: its grid's, else its community's, else the county's queue. */
    EscalationLevel startLevel() {
        return gridId != null ? EscalationLevel.GRID
                : communityUnitId != null ? EscalationLevel.COMMUNITY : EscalationLevel.COUNTY;
    }

    /** The unit responsible at the start level: the grid, else the community ({@code null} in the county's queue). */
    String startUnitId() {
        return gridId != null ? gridId : communityUnitId;
    }
}
