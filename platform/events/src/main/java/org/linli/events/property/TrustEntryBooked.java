package org.linli.events.property;

import java.time.LocalDate;
import org.linli.events.Contracts;
import org.linli.events.DomainEvent;

/**
 * A line was appended to a compound's trust-based property account (信托制物业): income, an expense or the
 * reversal of an earlier line. The three-party supervisors (street, charity federation, the owners) and a
 * county finance or supervision system can mirror the account from these events alone: the lines of one
 * compound are numbered without gaps and each carries the balance after it.
 *
 * @param entryId             {@code compoundId:sequence}
 * @param compoundId          the compound whose account it is
 * @param sequence            1, 2, 3… per compound, without gaps
 * @param kind                {@code INCOME}, {@code EXPENSE} or {@code REVERSAL}
 * @param category            e.g. {@code PROPERTY_FEES}, {@code ADVERTISING}, {@code REPAIRS}; for a reversal the
 *                            reversed line's
 * @param amountFen           signed, in fen: income positive, an expense negative, a reversal the opposite of the
 *                            reversed line
 * @param balanceAfterFen     the account's balance after this line
 * @param day                 the accounting day (county zone)
 * @param deliberationId      the 四议两公开 record authorising an expense above the owners' threshold, else null
 * @param reversesEntryId     for a reversal, the line it reverses, else null
 */
public record TrustEntryBooked(String entryId, String compoundId, long sequence, String kind, String category,
                               long amountFen, long balanceAfterFen, LocalDate day, String deliberationId,
                               String reversesEntryId) implements DomainEvent {

    public TrustEntryBooked {
        Contracts.required(entryId, "entryId");
        Contracts.required(compoundId, "compoundId");
    }
}
