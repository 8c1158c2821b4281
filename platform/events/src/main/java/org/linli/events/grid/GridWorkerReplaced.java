package org.linli.events.grid;

import java.time.LocalDate;
import org.linli.events.Contracts;
import org.linli.events.DomainEvent;

/**
 * A grid's worker or alley chief was rotated out (轮换): the ended appointment stays as history and
 * a new one takes over. Published with the new appointment's id as aggregate id, after its
 * {@link GridWorkerAppointed}.
 *
 * @param endedAppointmentId the appointment that ended (its last day is the day before {@code on})
 * @param newAppointmentId   the appointment that took over
 * @param gridId             the grid served
 * @param role               {@code GRID_WORKER} or {@code ALLEY_CHIEF}
 * @param on                 first day of the new appointment
 */
public record GridWorkerReplaced(String endedAppointmentId, String newAppointmentId, String gridId, String role,
                                 LocalDate on) implements DomainEvent {

    public GridWorkerReplaced {
        Contracts.required(endedAppointmentId, "endedAppointmentId");
        Contracts.required(newAppointmentId, "newAppointmentId");
        Contracts.required(gridId, "gridId");
    }
}
