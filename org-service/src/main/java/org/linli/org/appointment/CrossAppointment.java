package org.linli.org.appointment;

import org.linli.org.unit.ScopePath;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.linli.events.org.CrossAppointmentEnded;
import org.linli.events.org.CrossAppointmentStarted;
import org.linli.platform.messaging.AggregateRoot;
import org.linli.platform.domain.BusinessRuleViolation;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One role one person holds in another body (双向进入、交叉任职): a community committee member on an
 * owners' committee, a property-company party member as part-time community committee member, a
 * property manager as committee advisor, a committee member as independent supervisor of a property
 * company. A person holds as many as it takes, each with its own dates. It is registered under a
 * community, whose path scopes it.
 */
@Document("cross_appointments")
public class CrossAppointment extends AggregateRoot {

    @Id
    private String id;
    @Indexed // the list filtered by person
    private String personName;
    private String personRef;
    private String role;
    private BodyKind bodyKind;
    @Indexed
    private String bodyId;
    @Indexed // the list filtered by company
    private String companyId;
    private String communityUnitId;
    @ScopePath
    @Indexed
    private String unitPath;
    private LocalDate startsOn;
    private LocalDate endsOn;
    private Instant createdAt;
    private Instant updatedAt;

    protected CrossAppointment() {
        // for the mapping layer
    }

    private CrossAppointment(NewAppointment request, String unitPath, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.personName = Objects.requireNonNull(request.personName(), "personName").strip();
        this.personRef = request.personRef();
        this.role = Objects.requireNonNull(request.role(), "role").strip();
        this.bodyKind = Objects.requireNonNull(request.bodyKind(), "bodyKind");
        this.bodyId = Objects.requireNonNull(request.bodyId(), "bodyId");
        this.companyId = request.companyId() == null && bodyKind == BodyKind.PROPERTY_COMPANY ? bodyId
                : request.companyId();
        this.communityUnitId = Objects.requireNonNull(request.communityUnitId(), "communityUnitId");
        this.unitPath = Objects.requireNonNull(unitPath, "unitPath");
        this.startsOn = Objects.requireNonNull(request.startsOn(), "startsOn");
        this.endsOn = request.endsOn();
        requireEndAfterStart(endsOn);
        this.createdAt = now;
        this.updatedAt = now;
        recordEvent(id, new CrossAppointmentStarted(id, personName, personRef, role, bodyKind.name(), bodyId, companyId,
                communityUnitId, startsOn, endsOn), now);
    }

    /**
     * Registers an appointment under the community at {@code unitPath}. Without an end date it is ongoing;
     * with one, that day must come after the start. For a property company the company defaults to the body.
     */
    public static CrossAppointment start(NewAppointment request, String unitPath, Instant now) {
        return new CrossAppointment(request, unitPath, now);
    }

    /** Ends an ongoing appointment, or brings a planned end forward; an end is never pushed later. */
    public void end(LocalDate lastDay, Instant now) {
        Objects.requireNonNull(lastDay, "lastDay");
        if (endsOn != null && !lastDay.isBefore(endsOn)) {
            throw new BusinessRuleViolation("appointment-already-ended", "the appointment already ends on " + endsOn,
                    endsOn, lastDay);
        }
        requireEndAfterStart(lastDay);
        endsOn = lastDay;
        updatedAt = now;
        recordEvent(id, new CrossAppointmentEnded(id, bodyKind.name(), bodyId, communityUnitId, endsOn), now);
    }

    private void requireEndAfterStart(LocalDate end) {
        if (end != null && !end.isAfter(startsOn)) {
            throw new BusinessRuleViolation("appointment-end-not-after-start",
                    "an appointment ends after it starts", startsOn, end);
        }
    }

    public String id() {
        return id;
    }

    public String personName() {
        return personName;
    }

    public String personRef() {
        return personRef;
    }

    public String role() {
        return role;
    }

    public BodyKind bodyKind() {
        return bodyKind;
    }

    public String bodyId() {
        return bodyId;
    }

    public String companyId() {
        return companyId;
    }

    public String communityUnitId() {
        return communityUnitId;
    }

    public String unitPath() {
        return unitPath;
    }

    public LocalDate startsOn() {
        return startsOn;
    }

    public LocalDate endsOn() {
        return endsOn;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /**
     * What a new appointment says.
     *
     * @param personName      who (required)
     * @param personRef       party member or account id, optional
     * @param role            as written: 兼职委员, 独立监督员, 顾问…
     * @param bodyKind        which kind of body
     * @param bodyId          the body's id
     * @param companyId       the property company involved, optional
     * @param communityUnitId the community it is registered under
     * @param startsOn        first day
     * @param endsOn          last day, {@code null} while ongoing
     */
    public record NewAppointment(String personName, String personRef, String role, BodyKind bodyKind, String bodyId,
                                 String companyId, String communityUnitId, LocalDate startsOn, LocalDate endsOn) {
    }
}
