package org.linli.issue.issue;

import java.time.Instant;
import java.util.List;
import org.linli.issue.place.Route;
import org.linli.platform.audit.UnmaskedReads;
import org.linli.platform.web.Caller;

/** An issue as staff and its reporter see it. The reporter's phone is masked unless the caller needs it. */
record IssueResponse(String id, Category category, String categoryLabel, Severity severity, String severityLabel,
                     Channel channel, String channelLabel, IssueStatus status, String statusLabel, String description,
                     Double lat, Double lng, String buildingId, String address, boolean anonymous,
                     String reporterName, String reporterPhone, List<String> photoIds, String gridId,
                     String communityUnitId, String compoundId, String companyId, Route.Source routedBy,
                     String dispatchMode, String assigneeAppointmentId, String assigneeAccountId,
                     String claimantAccountId, String handlerAccountId, HandlerKind handlerKind,
                     EscalationLevel level, String levelLabel, String responsibleUnitId, boolean supervised,
                     Deadlines deadlines, String holdReason, String resolutionNote, List<String> resolutionPhotoIds,
                     Integer rating, String ratingComment, int reopenCount, String duplicateOf,
                     String suggestedDuplicateOf, List<String> mergedIssueIds, List<Issue.Step> history,
                     Instant reportedAt, Instant updatedAt, String importSource, String sourceRecordId,
                     Long version) {

    static IssueResponse of(Issue issue, Caller caller) {
        boolean phone = IssueAccess.seesPhone(caller, issue);
        if (phone && issue.reporterPhone() != null) {
            UnmaskedReads.record(issue.reporterAccountId(), "issue", issue.id(), "reporterPhone");
        }
        return new IssueResponse(issue.id(), issue.category(), issue.category().label(), issue.severity(),
                issue.severity().label(), issue.channel(), issue.channel().label(), issue.status(),
                issue.status().label(), issue.description(), issue.lat(), issue.lng(), issue.buildingId(),
                issue.address(), issue.anonymous(), issue.reporterName(),
                phone ? issue.reporterPhone() : issue.maskedReporterPhone(), issue.photoIds(), issue.gridId(),
                issue.communityUnitId(), issue.compoundId(), issue.companyId(), issue.routedBy(), issue.dispatchMode(),
                issue.assigneeAppointmentId(), issue.assigneeAccountId(), issue.claimantAccountId(),
                issue.handlerAccountId(), issue.handlerKind(), issue.level(), issue.level().label(),
                issue.responsibleUnitId(), issue.supervised(), Deadlines.of(issue), issue.holdReason(),
                issue.resolutionNote(), issue.resolutionPhotoIds(), issue.rating(), issue.ratingComment(),
                issue.reopenCount(), issue.duplicateOf(), issue.suggestedDuplicateOf(), issue.mergedIssueIds(),
                issue.history(), issue.reportedAt(), issue.updatedAt(), issue.importSource(), issue.sourceRecordId(),
                issue.version());
    }

    /** The 5341 clocks: when each is due and whether it was missed. */
    record Deadlines(Instant onSiteDueAt, Instant onSiteAt, boolean onSiteOverdue, Instant solutionDueAt,
                     boolean solutionOverdue, Instant checkInDueAt, Instant checkedInAt, Instant callbackDueAt,
                     Instant resolvedAt, Instant closedAt) {

        static Deadlines of(Issue issue) {
            return new Deadlines(issue.onSiteDueAt(), issue.onSiteAt(), issue.onSiteOverdue(), issue.solutionDueAt(),
                    issue.solutionOverdue(), issue.checkInDueAt(), issue.checkedInAt(), issue.callbackDueAt(),
                    issue.resolvedAt(), issue.closedAt());
        }
    }
}
