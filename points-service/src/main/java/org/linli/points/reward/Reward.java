package org.linli.points.reward;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.linli.platform.domain.BusinessRuleViolation;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A good on a community's exchange list (兑换清单) at its points supermarket (积分超市): price in points,
 * available stock, an optional per-person limit and an active period. After creation the document is
 * only ever changed by single-document conditional updates ({@link Rewards}): stock is taken with
 * {@code stock ≥ qty} in the filter and the redemption's id pushed into {@code holders} in the same
 * write, and given back by pulling that id, so taking and releasing are each atomic and idempotent
 * and the stock can never go below zero however many redeem at once.
 */
@Document("rewards")
public class Reward {

    static final int MAX_NAME = 100;

    @Id
    private String id;
    private String name;
    private String description;
    private long pointsPrice;
    private int stock;
    private Integer perPersonLimit;
    private LocalDate activeFrom;
    private LocalDate activeUntil;
    @Indexed // the catalogue of a community
    private String communityUnitId;
    @Indexed // OrgUnitMoved rewrites paths below the old one
    private String communityPath;
    private List<String> holders = new ArrayList<>();
    private Instant createdAt;

    protected Reward() {
        // for the mapping layer
    }

    static Reward list(String name, String description, long pointsPrice, int stock, Integer perPersonLimit,
                       LocalDate activeFrom, LocalDate activeUntil, String communityUnitId, String communityPath,
                       Instant now) {
        if (pointsPrice <= 0) {
            throw new BusinessRuleViolation("invalid-price", "a reward costs at least one point");
        }
        if (stock < 0 || (perPersonLimit != null && perPersonLimit < 1)) {
            throw new BusinessRuleViolation("invalid-stock", "stock is not negative and a per-person limit is at least 1");
        }
        if (activeUntil != null && activeFrom != null && activeUntil.isBefore(activeFrom)) {
            throw new BusinessRuleViolation("invalid-period", "the active period ends after it starts");
        }
        Reward reward = new Reward();
        reward.id = UUID.randomUUID().toString();
        reward.name = name;
        reward.description = description;
        reward.pointsPrice = pointsPrice;
        reward.stock = stock;
        reward.perPersonLimit = perPersonLimit;
        reward.activeFrom = activeFrom;
        reward.activeUntil = activeUntil;
        reward.communityUnitId = communityUnitId;
        reward.communityPath = communityPath;
        reward.createdAt = now;
        return reward;
    }

    /** Whether the reward can be redeemed on {@code today} (county zone). */
    boolean activeOn(LocalDate today) {
        return (activeFrom == null || !today.isBefore(activeFrom)) && (activeUntil == null || !today.isAfter(activeUntil));
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public long pointsPrice() {
        return pointsPrice;
    }

    public int stock() {
        return stock;
    }

    public Integer perPersonLimit() {
        return perPersonLimit;
    }

    public LocalDate activeFrom() {
        return activeFrom;
    }

    public LocalDate activeUntil() {
        return activeUntil;
    }

    public String communityUnitId() {
        return communityUnitId;
    }

    public String communityPath() {
        return communityPath;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
