package org.linli.issue.issue;

import java.time.Instant;
import java.util.List;
import org.linli.issue.place.Route;

/** Object mother: issues routed to a grid with a worker, or to the community queue. */
final class Issues {

    static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");
    static final DeadlinePolicy POLICY = DeadlinePolicy.STANDARD;
    static final Route TO_GRID_WORKER = new Route("grid-1", "community-1", "/street-1/community-1/", "street-1",
            "compound-1", "company-1", "appointment-1", "account-1", Route.Source.LOCAL_COPY);
    static final Route TO_COMMUNITY_QUEUE = new Route(null, "community-1", "/street-1/community-1/", "street-1",
            null, null, null, null, Route.Source.COMMUNITY_QUEUE);

    private Issues() {
    }

    static Issue reported(Category category, Route route) {
        return Issue.report(report(category, Channel.APP, null), route, "dept-housing", POLICY, T0);
    }

    /** A resident's report of {@code category} at a point, made at {@code at}. */
    static Issue reportedAt(Category category, double lat, double lng, Instant at) {
        return Issue.report(new Report(category, null, Channel.APP, "楼道灯不亮", lat, lng, null, null, false,
                "resident-1", "张三", "13812345678", null, List.of(), null), TO_GRID_WORKER, "dept-housing", POLICY, at);
    }

    /** A county system's hotline report taken at {@code receivedAt}, entered here at {@code now}. */
    static Issue receivedEarlier(Instant receivedAt, Instant now) {
        return Issue.report(report(Category.PROPERTY_REPAIR, Channel.HOTLINE, receivedAt), TO_GRID_WORKER,
                "dept-housing", POLICY, now);
    }

    private static Report report(Category category, Channel channel, Instant receivedAt) {
        return new Report(category, null, channel, "楼道灯不亮", 36.2, 113.4, null, null, false,
                "resident-1", "张三", "13812345678", null, List.of(), receivedAt);
    }

    static Issue dispatchedToGridWorker() {
        return reported(Category.PROPERTY_REPAIR, TO_GRID_WORKER);
    }

    /** A 12345 hotline record in the given state, received at {@code receivedAt}, with the times it needs. */
    static HistoricalRecord hotlineRecord(String id, IssueStatus status, Instant receivedAt) {
        Instant resolved = status == IssueStatus.RESOLVED || status == IssueStatus.CLOSED
                ? receivedAt.plusSeconds(3 * 3600) : null;
        Instant closed = status == IssueStatus.CLOSED ? receivedAt.plusSeconds(2 * 86_400)
                : status == IssueStatus.REJECTED ? receivedAt.plusSeconds(600) : null;
        return new HistoricalRecord("12345", id, receivedAt, Category.PROPERTY_REPAIR, null, "小区门口路灯不亮",
                36.2, 113.4, null, null, "王五", "13912345678", status, resolved, closed,
                status == IssueStatus.CLOSED ? 4 : null, status == IssueStatus.REJECTED ? "不属于受理范围" : null);
    }

    static Issue imported(HistoricalRecord record, Instant now) {
        return Issue.imported(record, "batch-1", TO_GRID_WORKER, "dept-housing", POLICY, now);
    }

    static Issue resolvedBy(String worker) {
        Issue issue = dispatchedToGridWorker();
        issue.arrive(worker, T0.plusSeconds(120));
        issue.resolve(worker, HandlerKind.GRID_WORKER, "已更换灯泡", List.of(), POLICY, T0.plusSeconds(900));
        return issue;
    }
}
