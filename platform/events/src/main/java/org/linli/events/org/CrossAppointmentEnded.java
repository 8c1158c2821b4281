package org.linli.events.org;

import java.time.LocalDate;
import org.linli.events.DomainEvent;

/**
 * A cross-appointment ended (or its end was brought forward).
 *
 * @param appointmentId   id of the appointment
 * @param bodyKind        {@code COMMUNITY_COMMITTEE}, {@code OWNERS_COMMITTEE} or {@code PROPERTY_COMPANY}
 * @param bodyId          org unit id, owners' committee id or property company id
 * @param communityUnitId the community the appointment is registered under
 * @param endsOn          last day in the role
 */
public record CrossAppointmentEnded(String appointmentId, String bodyKind, String bodyId, String communityUnitId,
                                    LocalDate endsOn) implements DomainEvent {
}
