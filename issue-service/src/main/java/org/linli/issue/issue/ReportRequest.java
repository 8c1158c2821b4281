package org.linli.issue.issue;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.linli.platform.web.Caller;
import org.linli.platform.web.OriginalTime;

/**
 * A report as staff and residents post it to {@code /api/v1/issues}. The caller decides the channel: a resident's is
 * APP; staff choose APP, PATROL or HOTLINE (a grid worker's default PATROL, an admin's HOTLINE), and only staff set the
 * severity. A hotline report is made on someone's behalf: no reporter account, the caller's name and phone as given.
 */
record ReportRequest(@NotNull Category category, Severity severity, Channel channel,
                     @NotBlank @Size(max = Issue.MAX_DESCRIPTION) String description,
                     @DecimalMin("-90") @DecimalMax("90") Double lat,
                     @DecimalMin("-180") @DecimalMax("180") Double lng,
                     @Size(max = 64) String buildingId, @Size(max = 200) String address, Boolean anonymous,
                     @Size(max = 50) String reporterName, @Pattern(regexp = IssueController.PHONE) String reporterPhone,
                     @OriginalTime Instant receivedAt) {

    Report report(Caller caller) {
        boolean staff = IssueAccess.isAdmin(caller) || caller.hasRole("GRID_WORKER");
        Channel resolved = !staff ? Channel.APP
                : channel == Channel.HOTLINE || channel == Channel.PATROL || channel == Channel.APP ? channel
                : caller.hasRole("GRID_WORKER") ? Channel.PATROL : Channel.HOTLINE;
        boolean onBehalf = resolved == Channel.HOTLINE;
        return new Report(category, staff ? severity : null, resolved, description, lat, lng, buildingId,
                address, Boolean.TRUE.equals(anonymous), onBehalf ? null : caller.accountId(),
                onBehalf ? reporterName : reporterName == null ? caller.username() : reporterName,
                reporterPhone, null, List.of(), receivedAt);
    }

    @Override
    public String toString() {
        return "ReportRequest[category=" + category + ", channel=" + channel + "]";
    }
}
