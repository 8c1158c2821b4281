package org.linli.org.branchrating;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A random visit (随机走访) by the street to residents of a branch during a round: which household, when, who
 * visited, and how many one-time {@link RatingCode}s were handed out there (the codes themselves are not kept).
 */
@Document("branch_rating_visits")
// a round's visits, optionally of one branch
@CompoundIndex(name = "round_branch", def = "{'roundId': 1, 'branchId': 1}")
public class RandomVisit {

    static final int MAX_TEXT = 200;
    static final int MAX_CODES = 10;

    @Id
    private String id;
    private String roundId;
    private String branchId;
    private String household;
    private LocalDate visitedOn;
    private String visitor;
    private int codesIssued;
    private String recordedBy;
    private Instant recordedAt;

    protected RandomVisit() {
        // for the mapping layer
    }

    RandomVisit(String roundId, String branchId, String household, LocalDate visitedOn, String visitor,
                int codesIssued, String recordedBy, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.roundId = roundId;
        this.branchId = branchId;
        this.household = household;
        this.visitedOn = visitedOn;
        this.visitor = visitor;
        this.codesIssued = codesIssued;
        this.recordedBy = recordedBy;
        this.recordedAt = now;
    }

    public String id() {
        return id;
    }

    public String roundId() {
        return roundId;
    }

    public String branchId() {
        return branchId;
    }

    public String household() {
        return household;
    }

    public LocalDate visitedOn() {
        return visitedOn;
    }

    public String visitor() {
        return visitor;
    }

    public int codesIssued() {
        return codesIssued;
    }

    public String recordedBy() {
        return recordedBy;
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}
