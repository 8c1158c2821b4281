package org.linli.issue.place;

/**
 * Where a reported point or building belongs, as far as issue-service can tell.
 *
 * @param gridId              the finest grid, {@code null} when unknown (the issue waits in a queue)
 * @param communityUnitId     the community that owns the issue, {@code null} for the county queue
 * @param communityPath       that community's org path (scopes who may see the issue), {@code null} when unknown
 * @param streetUnitId        the community's street (where it escalates to), {@code null} when unknown
 * @param compoundId          the compound (小区) the point lies in, {@code null} when none
 * @param companyId           the compound's property company today, {@code null} when none
 * @param workerAppointmentId the grid's active grid worker appointment, {@code null} when none
 * @param workerAccountId     that worker's login account, {@code null} when none is known
 * @param source              how it was found
 */
public record Route(String gridId, String communityUnitId, String communityPath, String streetUnitId,
                    String compoundId, String companyId, String workerAppointmentId, String workerAccountId,
                    Source source) {

    /** How the route was found. */
    public enum Source {
        /** The local copy of grid boundaries. */
        LOCAL_COPY,
        /** The building named by a QR code. */
        BUILDING,
        /** grid-service answered (the copy could not). */
        GRID_SERVICE,
        /** No grid: the community's queue. */
        COMMUNITY_QUEUE,
        /** Not even the community is known: the county's queue. */
        COUNTY_QUEUE
    }

    public static Route countyQueue() {
        return new Route(null, null, null, null, null, null, null, null, Source.COUNTY_QUEUE);
    }
}
