package org.linli.grid.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.linli.grid.campaign.Campaign.CaseGrid;
import org.linli.platform.domain.BusinessRuleViolation;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One case (隐患) a campaign found: where (the point and its finest grid), what, a photo, when; then its fixing
 * (整改) with a photo and the day it was fixed, once. Unfixed past its deadline it is overdue (逾期).
 * Every read of cases names the campaign first, so they are served by the campaign-first indexes.
 */
@Document("campaign_cases")
// a campaign's cases in a scope (report, list) and in a grid subtree (list ?gridId=)
@CompoundIndex(name = "campaignId_communityPath", def = "{'campaignId': 1, 'communityPath': 1}")
@CompoundIndex(name = "campaignId_gridPath", def = "{'campaignId': 1, 'gridPath': 1}")
class RectificationCase {

    static final int MAX_DESCRIPTION_LENGTH = 500;
    static final int MAX_PHOTO_LENGTH = 500;

    @Id
    private String id;
    private String campaignId;
    private String gridId;
    private String gridName;
    private String gridPath;
    private String communityUnitId;
    @Indexed // rebased when org units move
    private String communityPath;
    private double lat;
    private double lng;
    private String description;
    private String photo;
    private Instant foundAt;
    private LocalDate foundOn;
    private String foundBy;
    private LocalDate deadline;
    private String fixPhoto;
    private LocalDate fixedOn;
    private String fixedBy;
    @Version
    private Long version;

    protected RectificationCase() {
        // for the mapping layer
    }

    static RectificationCase found(String campaignId, CaseGrid grid, double lat, double lng, String description,
                                   String photo, Instant foundAt, LocalDate foundOn, LocalDate deadline, String foundBy) {
        RectificationCase found = new RectificationCase();
        found.id = UUID.randomUUID().toString();
        found.campaignId = campaignId;
        found.gridId = grid.gridId();
        found.gridName = grid.gridName();
        found.gridPath = grid.gridPath();
        found.communityUnitId = grid.communityUnitId();
        found.communityPath = grid.communityPath();
        found.lat = lat;
        found.lng = lng;
        found.description = text(description, MAX_DESCRIPTION_LENGTH, "invalid-case-description");
        found.photo = text(photo, MAX_PHOTO_LENGTH, "invalid-photo");
        found.foundAt = foundAt;
        found.foundOn = foundOn;
        found.deadline = deadline;
        found.foundBy = foundBy;
        return found;
    }

    /**
     * Records the fixing once (422 wrong-step when already fixed): on a day not before the case was found and not
     * after {@code today} (422 invalid-fixed-on).
     */
    void fix(String photo, LocalDate fixedOn, String by, LocalDate today) {
        if (this.fixedOn != null) {
            throw new BusinessRuleViolation("wrong-step", "the case was fixed on " + this.fixedOn, Status.FIXED.name());
        }
        if (fixedOn == null || fixedOn.isBefore(foundOn) || fixedOn.isAfter(today)) {
            throw new BusinessRuleViolation("invalid-fixed-on", "a case is fixed between the day it was found ("
                    + foundOn + ") and today", foundOn);
        }
        this.fixPhoto = text(photo, MAX_PHOTO_LENGTH, "invalid-photo");
        this.fixedOn = fixedOn;
        this.fixedBy = by;
    }

    /** Unfixed after its deadline. */
    boolean overdue(LocalDate today) {
        return fixedOn == null && today.isAfter(deadline);
    }

    Status status(LocalDate today) {
        if (fixedOn != null) {
            return Status.FIXED;
        }
        return overdue(today) ? Status.OVERDUE : Status.OPEN;
    }

    private static String text(String value, int max, String code) {
        if (value == null || value.isBlank() || value.strip().length() > max) {
            throw new BusinessRuleViolation(code, "1 to " + max + " characters", max);
        }
        return value.strip();
    }

    String id() {
        return id;
    }

    String campaignId() {
        return campaignId;
    }

    String gridId() {
        return gridId;
    }

    String gridName() {
        return gridName;
    }

    String gridPath() {
        return gridPath;
    }

    String communityUnitId() {
        return communityUnitId;
    }

    String communityPath() {
        return communityPath;
    }

    double lat() {
        return lat;
    }

    double lng() {
        return lng;
    }

    String description() {
        return description;
    }

    String photo() {
        return photo;
    }

    Instant foundAt() {
        return foundAt;
    }

    LocalDate foundOn() {
        return foundOn;
    }

    String foundBy() {
        return foundBy;
    }

    LocalDate deadline() {
        return deadline;
    }

    String fixPhoto() {
        return fixPhoto;
    }

    LocalDate fixedOn() {
        return fixedOn;
    }

    String fixedBy() {
        return fixedBy;
    }

    Long version() {
        return version;
    }

    /** OPEN until fixed, OVERDUE when unfixed past its deadline, FIXED once fixed. */
    enum Status {
        OPEN, OVERDUE, FIXED
    }
}
