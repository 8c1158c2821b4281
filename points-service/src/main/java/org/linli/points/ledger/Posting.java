package org.linli.points.ledger;

/**
 * What became of a request to move points.
 *
 * @param outcome   see {@link Outcome}
 * @param entry     the entry that carries the reference (new or earlier), null when nothing was applied
 * @param requested the amount asked for (unsigned)
 */
public record Posting(Outcome outcome, LedgerEntry entry, long requested) {

    public enum Outcome {
        /** a new entry for the full amount */
        APPLIED,
        /** a new entry for less than asked: the daily earning cap allowed only part */
        CAPPED,
        /** the reference was used before: the earlier entry stands, nothing new */
        DUPLICATE,
        /** nothing applied: the daily earning cap was already reached */
        CAP_REACHED
    }

    /** Whether an entry for this reference exists now (new or earlier). */
    public boolean recorded() {
        return entry != null;
    }
}
