package org.linli.points.scoring;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.linli.platform.domain.BusinessRuleViolation;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A community's published scoring standard (评分标准): points per hour by activity type, points per
 * resolved issue and fulfilled micro-wish, and a daily cap. Published as data by the community's
 * admins; the county defaults apply until then.
 */
@Document("scoring_standards")
public class ScoringStandard {

    static final int MAX_POINTS = 1000;

    @Id
    private String communityUnitId;
    @Indexed // OrgUnitMoved rewrites paths below the old one
    private String communityPath;
    private Map<ActivityType, Integer> pointsPerHour = new EnumMap<>(ActivityType.class);
    private int issueResolved;
    private int microWish;
    private int dailyCap;
    private Instant updatedAt;
    @Version
    private Long version;

    protected ScoringStandard() {
        // for the mapping layer
    }

    static ScoringStandard defaults(String communityUnitId, String communityPath, ScoringDefaults defaults) {
        ScoringStandard standard = new ScoringStandard();
        standard.communityUnitId = communityUnitId;
        standard.communityPath = communityPath;
        for (ActivityType type : ActivityType.values()) {
            standard.pointsPerHour.put(type, defaults.pointsPerHour());
        }
        standard.issueResolved = defaults.issueResolved();
        standard.microWish = defaults.microWish();
        standard.dailyCap = defaults.dailyCap();
        return standard;
    }

    /** Replaces the standard; a type left out keeps its current rate. Every figure lies in 0..1000, the cap in 1..1000. */
    void publish(Map<ActivityType, Integer> perHour, int issueResolved, int microWish, int dailyCap, Instant now) {
        Objects.requireNonNull(perHour).forEach((type, points) -> requireInRange(points, 0));
        requireInRange(issueResolved, 0);
        requireInRange(microWish, 0);
        requireInRange(dailyCap, 1);
        this.pointsPerHour.putAll(perHour);
        this.issueResolved = issueResolved;
        this.microWish = microWish;
        this.dailyCap = dailyCap;
        this.updatedAt = now;
    }

    private static void requireInRange(Integer points, int min) {
        if (points == null || points < min || points > MAX_POINTS) {
            throw new BusinessRuleViolation("invalid-scoring", "a scoring figure lies between " + min + " and "
                    + MAX_POINTS, min, MAX_POINTS);
        }
    }

    public String communityUnitId() {
        return communityUnitId;
    }

    public String communityPath() {
        return communityPath;
    }

    public int pointsPerHour(ActivityType type) {
        return pointsPerHour.getOrDefault(type, 0);
    }

    public Map<ActivityType, Integer> pointsPerHour() {
        return Map.copyOf(pointsPerHour);
    }

    public int issueResolved() {
        return issueResolved;
    }

    public int microWish() {
        return microWish;
    }

    public int dailyCap() {
        return dailyCap;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Long version() {
        return version;
    }
}
