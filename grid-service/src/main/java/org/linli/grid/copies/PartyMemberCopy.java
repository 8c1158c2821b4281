package org.linli.grid.copies;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * grid-service's read copy of a party member, kept from org-service's {@code PartyMemberRegistered} and
 * {@code PartyMemberTransferred}: the duty rosters of service stations name members of the station's
 * community. No phone or identity number: the events carry none.
 *
 * @param branchAsOf when the branch and unit path were last set, so an older event arriving late
 *                   (a registration after a transfer) cannot move the member back
 * @param registered whether the registration has arrived (a transfer may come first)
 */
@Document("party_member_copies")
record PartyMemberCopy(@Id String id, String name, String kind, String branchId, @Indexed String unitPath,
                       String residenceCommunityId, Instant branchAsOf, boolean registered, Instant updatedAt) {
}
