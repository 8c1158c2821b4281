package org.linli.issue.issue;

import java.time.Instant;
import java.util.List;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.domain.MobileNumber;

/**
 * What a reporter submits, after validation. Its {@code toString} hides the phone. {@code receivedAt} is the
 * original time of a report another system took first ({@code null}: received now).
 */
public record Report(Category category, Severity severity, Channel channel, String description, Double lat,
                     Double lng, String buildingId, String address, boolean anonymous, String reporterAccountId,
                     String reporterName, String reporterPhone, String callbackTokenHash, List<String> photoIds,
                     Instant receivedAt) {

    public Report {
        description = strippedDescription(description);
        photoIds = photoIds == null ? List.of() : List.copyOf(photoIds);
    }

    /** A description as an issue keeps it: stripped, 1 to {@value Issue#MAX_DESCRIPTION} characters (422 otherwise). */
    static String strippedDescription(String description) {
        if (description == null || description.isBlank() || description.length() > Issue.MAX_DESCRIPTION) {
            throw new BusinessRuleViolation("invalid-description", "a description has 1 to 2000 characters");
        }
        return description.strip();
    }

    public Report withPhotos(List<String> ids) {
        return new Report(category, severity, channel, description, lat, lng, buildingId, address, anonymous,
                reporterAccountId, reporterName, reporterPhone, callbackTokenHash, ids, receivedAt);
    }

    @Override
    public String toString() {
        return "Report[category=" + category + ", channel=" + channel + ", building=" + buildingId + ", phone="
                + (reporterPhone == null ? null : MobileNumber.mask(reporterPhone)) + "]";
    }
}
