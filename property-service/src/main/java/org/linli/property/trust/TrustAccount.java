package org.linli.property.trust;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A compound's trust account settings and a cache of its last line. The threshold is what the owners set: an
 * expense above it needs a recorded 四议两公开. The cached head ({@code lastSequence}, {@code balanceFen},
 * {@code month}) only ever moves forward and is a starting point: the lines themselves are the truth, and a
 * reader probes past the cache for later lines (see {@link TrustLedger#head}).
 */
@Document(TrustAccount.COLLECTION)
class TrustAccount {

    static final String COLLECTION = "trust_accounts";

    @Id
    private String id;
    private Long thresholdFen;
    private String thresholdBasis;
    private LocalDate thresholdDecidedOn;
    private String thresholdSetBy;
    private Instant thresholdSetAt;
    private long lastSequence;
    private long balanceFen;
    private String month;
    private Instant updatedAt;

    protected TrustAccount() {
        // for the mapping layer
    }

    String id() {
        return id;
    }

    Long thresholdFen() {
        return thresholdFen;
    }

    String thresholdBasis() {
        return thresholdBasis;
    }

    LocalDate thresholdDecidedOn() {
        return thresholdDecidedOn;
    }

    String thresholdSetBy() {
        return thresholdSetBy;
    }

    long lastSequence() {
        return lastSequence;
    }

    long balanceFen() {
        return balanceFen;
    }

    String month() {
        return month;
    }
}
