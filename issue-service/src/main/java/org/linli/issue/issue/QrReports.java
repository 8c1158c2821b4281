package org.linli.issue.issue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import io.github.springwolf.core.asyncapi.annotations.AsyncOperation;
import io.github.springwolf.core.asyncapi.annotations.AsyncPublisher;
import org.linli.events.Topics;
import org.linli.events.issue.IssueReported;
import org.linli.issue.place.Places;
import org.linli.issue.place.Route;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.web.Caller;
import org.linli.platform.domain.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * Reports by QR code (扫码随手拍): a building's QR token, printed by its community's staff, lets a resident report
 * without an account; the reporter gets a callback token (only its hash is stored) to follow, see and rate that one
 * issue. A wrong callback token is a 404, as for an unknown issue.
 */
@Service
class QrReports {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final IssueIntake intake;
    private final IssueQueries queries;
    private final IssueLifecycle lifecycle;
    private final Places places;
    private final QrCodes qrCodes;
    private final ReportRateLimit rateLimit;

    QrReports(IssueIntake intake, IssueQueries queries, IssueLifecycle lifecycle, Places places, QrCodes qrCodes,
              ReportRateLimit rateLimit) {
        this.intake = intake;
        this.queries = queries;
        this.lifecycle = lifecycle;
        this.places = places;
        this.qrCodes = qrCodes;
        this.rateLimit = rateLimit;
    }

    /** The QR token for a building, for staff of its community to print, with where its reports go. */
    QrCode qrCode(Caller caller, String buildingId) {
        Places.Building building = places.building(buildingId)
                .orElseThrow(() -> new NotFoundException("building", buildingId));
        if (!(IssueAccess.isAdmin(caller) || caller.hasRole("GRID_WORKER"))
                || !caller.covers(building.communityPath())) {
            throw new AccessDeniedException("building outside the caller's scope");
        }
        Route route = places.forBuilding(building);
        return new QrCode(building.id(), building.name(), qrCodes.tokenFor(building.id()), route.gridId(),
                route.compoundId());
    }

    /** A report made by scanning a building's QR code: no account; the token names the building. */
    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.ISSUE_EVENTS, payloadType = IssueReported.class,
            description = "a QR-code report was routed"))
    Submitted submit(String token, Report report, List<MultipartFile> files, String clientAddress) {
        String buildingId = qrCodes.verify(token)
                .orElseThrow(() -> new BusinessRuleViolation("invalid-qr-token", "the QR code is not valid"));
        rateLimit.count(clientAddress, buildingId);
        String callbackToken = randomToken();
        Report located = new Report(report.category(), report.severity(), Channel.QR_CODE,
                report.description(), report.lat(), report.lng(), buildingId, report.address(), report.anonymous(),
                null, report.reporterName(), report.reporterPhone(), sha256(callbackToken), List.of(), null);
        Route route = places.forBuilding(buildingId)
                .orElseGet(() -> report.lat() != null ? places.locate(report.lat(), report.lng(), null, null)
                        : Route.countyQueue());
        return new Submitted(intake.intake(located, files, route), callbackToken);
    }

    /** The issue a QR reporter follows with the callback token they were given (404 for a wrong token). */
    Issue get(String id, String callbackToken) {
        Issue issue = queries.find(id);
        if (callbackToken == null || issue.callbackTokenHash() == null
                || !MessageDigest.isEqual(issue.callbackTokenHash().getBytes(StandardCharsets.US_ASCII),
                sha256(callbackToken).getBytes(StandardCharsets.US_ASCII))) {
            throw new NotFoundException("issue", id);
        }
        return issue;
    }

    PhotoStore.Content photo(String id, String callbackToken, String photoId) {
        return queries.photoOf(get(id, callbackToken), photoId);
    }

    Issue rate(String id, String callbackToken, int stars, boolean fixed, String comment) {
        get(id, callbackToken);
        return lifecycle.rateByCallbackTokenHolder(id, stars, fixed, comment);
    }

    private static String randomToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A QR report as stored, with the callback token the reporter keeps (only its hash is stored). */
    record Submitted(Issue issue, String callbackToken) {
    }

    /**
     * What a building's QR code encodes, and where a report by it goes as issue-service knows the place now: the
     * micro-grid and the compound (null while the building lies in no compound issue-service knows), for staff to
     * check before they print it.
     */
    record QrCode(String buildingId, String buildingName, String token, String gridId, String compoundId) {
    }
}
