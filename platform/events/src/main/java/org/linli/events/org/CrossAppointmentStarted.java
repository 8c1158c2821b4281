package org.linli.events.org;

import java.time.LocalDate;
import org.linli.events.DomainEvent;

/**
 * A person took a role in another body (双向进入、交叉任职): a community committee member on an owners'
 * committee, a property-company party member as part-time community committee member, a property
 * manager as committee advisor, a committee member as independent supervisor of a property company.
 *
 * @param appointmentId   id of the appointment
 * @param personName      who
 * @param personRef       party member or account id of that person, {@code null} when not known
 * @param role            the role as written (兼职委员, 独立监督员, 顾问, …)
 * @param bodyKind        {@code COMMUNITY_COMMITTEE}, {@code OWNERS_COMMITTEE} or {@code PROPERTY_COMPANY}
 * @param bodyId          org unit id, owners' committee id or property company id
 * @param companyId       the property company involved, {@code null} when none
 * @param communityUnitId the community the appointment is registered under
 * @param startsOn        first day in the role
 * @param endsOn          last day in the role, {@code null} while ongoing
 */
public record CrossAppointmentStarted(String appointmentId, String personName, String personRef, String role,
                                      String bodyKind, String bodyId, String companyId, String communityUnitId,
                                      LocalDate startsOn, LocalDate endsOn) implements DomainEvent {
}
