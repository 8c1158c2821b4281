package org.linli.events.org;

import org.linli.events.Contracts;
import org.linli.events.DomainEvent;

/**
 * A party member's organisational relation moved from one unit to another (组织关系转接).
 *
 * @param memberId   id of the member
 * @param fromUnitId the unit (branch) the member left
 * @param toUnitId   the unit (branch) the member now belongs to
 * @param oldPath    path of the unit left
 * @param newPath    path of the unit joined
 */
public record PartyMemberTransferred(String memberId, String fromUnitId, String toUnitId, String oldPath,
                                     String newPath) implements DomainEvent {

    public PartyMemberTransferred {
        Contracts.required(memberId, "memberId");
        Contracts.required(oldPath, "oldPath");
        Contracts.required(newPath, "newPath");
    }
}
