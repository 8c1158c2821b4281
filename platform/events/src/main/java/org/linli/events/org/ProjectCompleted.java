package org.linli.events.org;

import java.time.LocalDate;
import org.linli.events.Contracts;
import org.linli.events.DomainEvent;

/**
 * A livelihood project (项目清单) was done: the need it was made of is closed, and it counts for whoever claimed it
 * (认领) in the year it was claimed. Carries no personal data.
 *
 * @param projectId   id of the project
 * @param needId      the need (需求清单) it closes
 * @param communityId the community (org unit) of the need
 * @param category    the need's category, e.g. {@code ELDERLY_CARE}
 * @param ownerKind   who claimed it: {@code DUAL_REGISTRATION_UNIT} or {@code PARTY_MEMBER}
 * @param ownerId     the dual-registration unit's id, or the party member's id
 * @param unitId      the dual-registration unit that claimed it ({@code null} when a party member did), whose
 *                    year-end score it feeds
 * @param year        the year it was claimed in, which it counts for
 * @param deadline    the day it was due
 * @param completedOn the day it was done
 */
public record ProjectCompleted(String projectId, String needId, String communityId, String category,
                               String ownerKind, String ownerId, String unitId, int year, LocalDate deadline,
                               LocalDate completedOn) implements DomainEvent {

    public ProjectCompleted {
        Contracts.required(projectId, "projectId");
        Contracts.required(needId, "needId");
        Contracts.required(ownerId, "ownerId");
    }
}
