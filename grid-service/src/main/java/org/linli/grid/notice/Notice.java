package org.linli.grid.notice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.linli.events.grid.NoticePublished;
import org.linli.grid.grid.GridDirectory.GridView;
import org.linli.platform.messaging.AggregateRoot;
import org.linli.platform.domain.BusinessRuleViolation;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A notice (通知) pushed down a grid subtree to every household in it through the grid workers: policy
 * messages and emergency warnings alike. Each household gets a {@link DeliveryTask}; the notice keeps the
 * count of acknowledged tasks and the moment the last one came in, which gives the time to full delivery
 * (the seeds report 3 h → 1.5 h).
 */
@Document("notices")
class Notice extends AggregateRoot {

    static final int MAX_TITLE_LENGTH = 100;
    static final int MAX_BODY_LENGTH = 5000;

    @Id
    private String id;
    @Indexed
    private String gridId;
    private String gridName;
    @Indexed
    private String gridPath;
    @Indexed
    private String communityPath;
    private Kind kind;
    private String title;
    private String body;
    private String publishedBy;
    @Indexed // the list's default order (newest first)
    private Instant publishedAt;
    private int householdCount;
    private int acknowledgedCount;
    private Instant fullyDeliveredAt;

    protected Notice() {
        // for the mapping layer
    }

    private Notice(String id, GridView grid, Kind kind, String title, String body, String publishedBy,
                   int householdCount, Instant now) {
        this.id = id;
        this.gridId = grid.id();
        this.gridName = grid.name();
        this.gridPath = grid.path();
        this.communityPath = grid.communityPath();
        this.kind = kind;
        this.title = title;
        this.body = body;
        this.publishedBy = publishedBy;
        this.publishedAt = now;
        this.householdCount = householdCount;
        recordEvent(id, new NoticePublished(id, grid.id(), title, householdCount), now);
    }

    /** A new notice id, so the delivery tasks can be written before the notice itself. */
    static String newId() {
        return UUID.randomUUID().toString();
    }

    /** Publishes to the subtree under {@code grid}, which holds {@code householdCount} households (at least one). */
    static Notice publish(String id, GridView grid, Kind kind, String title, String body, String publishedBy,
                          int householdCount, Instant now) {
        Objects.requireNonNull(grid);
        Objects.requireNonNull(kind);
        if (title == null || title.isBlank() || title.strip().length() > MAX_TITLE_LENGTH) {
            throw new BusinessRuleViolation("invalid-notice-title", "a notice title has 1 to 100 characters");
        }
        if (body == null || body.isBlank() || body.strip().length() > MAX_BODY_LENGTH) {
            throw new BusinessRuleViolation("invalid-notice-body", "a notice body has 1 to 5000 characters");
        }
        if (householdCount < 1) {
            throw new BusinessRuleViolation("no-households", "grid " + grid.name()
                    + " has no registered households to deliver to", grid.name());
        }
        return new Notice(id, grid, kind, title.strip(), body.strip(), publishedBy, householdCount, now);
    }

    /** Share of households that acknowledged, 0.0000 to 1.0000. */
    BigDecimal deliveredShare() {
        return BigDecimal.valueOf(acknowledgedCount).divide(BigDecimal.valueOf(householdCount), 4, RoundingMode.HALF_UP);
    }

    /** Time from publication to the last acknowledgement, {@code null} until every household acknowledged. */
    Duration timeToFullDelivery() {
        return fullyDeliveredAt == null ? null : Duration.between(publishedAt, fullyDeliveredAt);
    }

    String id() {
        return id;
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

    String communityPath() {
        return communityPath;
    }

    Kind kind() {
        return kind;
    }

    String title() {
        return title;
    }

    String body() {
        return body;
    }

    String publishedBy() {
        return publishedBy;
    }

    Instant publishedAt() {
        return publishedAt;
    }

    int householdCount() {
        return householdCount;
    }

    int acknowledgedCount() {
        return acknowledgedCount;
    }

    Instant fullyDeliveredAt() {
        return fullyDeliveredAt;
    }

    /** POLICY for policy and service messages, EMERGENCY for warnings that must reach everyone fast. */
    enum Kind {
        POLICY, EMERGENCY
    }
}
