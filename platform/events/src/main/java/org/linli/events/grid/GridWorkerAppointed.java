package org.linli.events.grid;

import java.time.LocalDate;
import org.linli.events.Contracts;
import org.linli.events.DomainEvent;

/**
 * A grid worker (网格员/微网格员) or an alley chief (红色巷长) was appointed to a grid. Carries no name or
 * phone: consumers that need the person ask grid-service.
 *
 * @param appointmentId id of the appointment
 * @param gridId        the grid served
 * @param role          {@code GRID_WORKER} or {@code ALLEY_CHIEF}
 * @param source        {@code CADRE}, {@code AUXILIARY_STAFF}, {@code PARTY_MEMBER} or {@code VOLUNTEER}
 * @param partyMember   whether the person is a party member
 * @param from          first day in the role
 * @param accountId     the person's login account (org-service), {@code null} when the person has none;
 *                      issue-service routes a grid's reports to this account
 */
public record GridWorkerAppointed(String appointmentId, String gridId, String role, String source, boolean partyMember,
                                  LocalDate from, String accountId) implements DomainEvent {

    public GridWorkerAppointed {
        Contracts.required(appointmentId, "appointmentId");
        Contracts.required(gridId, "gridId");
    }
}
