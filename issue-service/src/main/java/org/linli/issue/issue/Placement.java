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
}
