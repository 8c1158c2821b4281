package org.linli.property.compound;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.mongodb.core.index.Indexed;

/**
 * A service contract between a company and the compound it is stored in. Its effective period runs from
 * {@code startsOn} to {@code endedOn} when ended early, else to {@code endsOn}; an ended contract stays as history.
 *
 * @param feeStandards the fee per square metre and month, which may differ by floor or household type
 * @param endReason    TERMINATED, EVICTED or REPLACED (an interim contract ended by a regular one); {@code null} while running
 * @param decisionId   the owners' passed decision selecting the company (Civil Code art. 278 item 4), when cited
 *
 * <p>Indexed inside the compound ({@code contracts.*}): by id (ending a contract), by company (property staff's
 * compounds) and by end (the nightly expiry).
 */
public record Contract(@Indexed String id, @Indexed String companyId, ContractKind kind, LocalDate startsOn,
                       @Indexed LocalDate endsOn,
                       List<FeeStandard> feeStandards, LocalDate endedOn, String endReason, String decisionId) {

    public Contract {
        feeStandards = feeStandards == null ? List.of() : List.copyOf(feeStandards);
    }

    /** The last day in force. */
    public LocalDate lastDay() {
        return endedOn != null ? endedOn : endsOn;
    }

    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(startsOn) && !day.isAfter(lastDay());
    }

    boolean overlaps(LocalDate from, LocalDate to) {
        return !from.isAfter(lastDay()) && !to.isBefore(startsOn) && !lastDay().isBefore(startsOn);
    }

    Contract endedOn(LocalDate day, String reason) {
        return new Contract(id, companyId, kind, startsOn, endsOn, feeStandards, day, reason, decisionId);
    }

    /**
     * A fee standard: what households of a category pay per square metre and month, in fen.
     *
     * @param category e.g. 多层住宅, 高层住宅, 低保户
     */
    public record FeeStandard(String category, long fenPerSquareMetreMonth) {
    }
}
