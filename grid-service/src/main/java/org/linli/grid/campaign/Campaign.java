package org.linli.grid.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.UUID;
import org.linli.events.grid.CampaignClosed;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.messaging.AggregateRoot;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A rectification campaign (专项整治): one hazard, an area (a street or a community, by org unit) and a period
 * of days. Grid workers record each case they find inside the area during the period ({@link #recordCase});
 * each case must be fixed within {@code daysToFix} days of being found. The campaign is PLANNED before its
 * first day and ACTIVE from then on until the admins of the unit that launched it close it (CLOSED); once
 * closed it takes no more cases nor fixes. Closing records {@link CampaignClosed} with the final counts.
 */
@Document("campaigns")
class Campaign extends AggregateRoot {

    static final int MAX_TITLE_LENGTH = 100;
    static final int MAX_DAYS_TO_FIX = 90;
    static final int MAX_PERIOD_DAYS = 366;

    @Id
    private String id;
    private Hazard hazard;
    private String title;
    private String areaUnitId;
    private String areaName;
    @Indexed // the scope of lists and reads: callers above or inside the area
    private String areaPath;
    @Indexed // the list's default order (latest start first)
    private LocalDate startsOn;
    private LocalDate endsOn;
    private int daysToFix;
    private String launchedBy;
    @Indexed // rebased when org units move; null for a county-wide launcher
    private String launcherPath;
    private Instant launchedAt;
    private String closedBy;
    private Instant closedAt;

    protected Campaign() {
        // for the mapping layer
    }

    /**
     * Launches a campaign; {@code launcherPath} is the launcher's scope ({@code null} county-wide), whose admins
     * alone may close it.
     */
    static Campaign launch(Hazard hazard, String title, Area area, LocalDate startsOn, LocalDate endsOn, int daysToFix,
                           String launchedBy, String launcherPath, Instant now) {
        Objects.requireNonNull(hazard);
        Objects.requireNonNull(area);
        if (title == null || title.isBlank() || title.strip().length() > MAX_TITLE_LENGTH) {
            throw new BusinessRuleViolation("invalid-campaign-title", "a campaign title has 1 to 100 characters");
        }
        if (startsOn == null || endsOn == null || !endsOn.isAfter(startsOn)
                || endsOn.isAfter(startsOn.plusDays(MAX_PERIOD_DAYS))) {
            throw new BusinessRuleViolation("invalid-campaign-period",
                    "a campaign ends after it starts, within " + MAX_PERIOD_DAYS + " days", MAX_PERIOD_DAYS);
        }
        if (daysToFix < 1 || daysToFix > MAX_DAYS_TO_FIX) {
            throw new BusinessRuleViolation("invalid-days-to-fix", "a case is to be fixed within 1 to "
                    + MAX_DAYS_TO_FIX + " days", MAX_DAYS_TO_FIX);
        }
        Campaign campaign = new Campaign();
        campaign.id = UUID.randomUUID().toString();
        campaign.hazard = hazard;
        campaign.title = title.strip();
        campaign.areaUnitId = area.unitId();
        campaign.areaName = area.name();
        campaign.areaPath = area.path();
        campaign.startsOn = startsOn;
        campaign.endsOn = endsOn;
        campaign.daysToFix = daysToFix;
        campaign.launchedBy = launchedBy;
        campaign.launcherPath = launcherPath;
        campaign.launchedAt = now;
        return campaign;
    }

    /**
     * A case found in {@code grid} at {@code foundAt}: the grid lies in the area (else 422 outside-campaign-area),
     * the moment falls on a day of the period and is not in the future (else 422 found-outside-period), and the
     * campaign is not closed (422 wrong-step). Its deadline is the found day plus {@code daysToFix}.
     */
    RectificationCase recordCase(CaseGrid grid, double lat, double lng, String description, String photo,
                                 Instant foundAt, String foundBy, Instant now, ZoneId zone) {
        requireOpen("recording a case");
        if (grid == null || !grid.communityPath().startsWith(areaPath)) {
            throw new BusinessRuleViolation("outside-campaign-area", "the place lies outside the campaign's area "
                    + areaName, areaName);
        }
        if (foundAt == null || foundAt.isAfter(now) || !within(foundAt.atZone(zone).toLocalDate())) {
            throw new BusinessRuleViolation("found-outside-period", "a case is found between " + startsOn + " and "
                    + endsOn + " and not in the future", startsOn, endsOn);
        }
        LocalDate foundOn = foundAt.atZone(zone).toLocalDate();
        return RectificationCase.found(id, grid, lat, lng, description, photo, foundAt, foundOn,
                foundOn.plusDays(daysToFix), foundBy);
    }

    /** Fixing a case of this campaign: refused once the campaign is closed. */
    void requireFixable() {
        requireOpen("fixing a case");
    }

    /** Closes the campaign once (422 wrong-step after), with {@code total}, the counts of all its cases now. */
    void close(CampaignFigures.Counts total, String by, Instant now) {
        requireOpen("closing");
        closedBy = by;
        closedAt = now;
        recordEvent(id, new CampaignClosed(id, hazard.name(), areaUnitId, startsOn, endsOn, total.found(),
                total.fixed(), total.overdue()), now);
    }

    /** PLANNED before the first day, ACTIVE from it, CLOSED once closed. */
    Status status(LocalDate today) {
        if (closedAt != null) {
            return Status.CLOSED;
        }
        return today.isBefore(startsOn) ? Status.PLANNED : Status.ACTIVE;
    }

    private boolean within(LocalDate day) {
        return !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }

    private void requireOpen(String step) {
        if (closedAt != null) {
            throw new BusinessRuleViolation("wrong-step", step + " comes before the campaign is closed; it was closed at "
                    + closedAt, Status.CLOSED.name());
        }
    }

    String id() {
        return id;
    }

    Hazard hazard() {
        return hazard;
    }

    String title() {
        return title;
    }

    String areaUnitId() {
        return areaUnitId;
    }

    String areaName() {
        return areaName;
    }

    String areaPath() {
        return areaPath;
    }

    LocalDate startsOn() {
        return startsOn;
    }

    LocalDate endsOn() {
        return endsOn;
    }

    int daysToFix() {
        return daysToFix;
    }

    String launchedBy() {
        return launchedBy;
    }

    String launcherPath() {
        return launcherPath;
    }

    Instant launchedAt() {
        return launchedAt;
    }

    String closedBy() {
        return closedBy;
    }

    Instant closedAt() {
        return closedAt;
    }

    enum Status {
        PLANNED, ACTIVE, CLOSED
    }

    /** The org unit a campaign covers: a street (township) or a community. */
    record Area(String unitId, String name, String path) {
    }

    /** The finest grid a case was located in, with its community. */
    record CaseGrid(String gridId, String gridName, String gridPath, String communityUnitId, String communityPath) {
    }
}
