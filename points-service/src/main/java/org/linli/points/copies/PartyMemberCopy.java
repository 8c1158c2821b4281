package org.linli.points.copies;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A party member as points-service knows them (from PartyMemberRegistered), the login account an
 * admin linked to them (the event carries none), and the property-fee payment status admins record
 * per year, a reference for the member's evaluation.
 */
@Document("party_members")
public record PartyMemberCopy(@Id String memberId, String name, String kind, String branchId, @Indexed String unitPath,
                              String accountId, List<FeeStatus> propertyFees, Instant registeredAt) {

    /** The property-fee status of one year: PAID, PARTLY_PAID or UNPAID, with who recorded it. */
    public record FeeStatus(int year, String status, String note, String recordedBy, Instant recordedAt) {
    }
}
