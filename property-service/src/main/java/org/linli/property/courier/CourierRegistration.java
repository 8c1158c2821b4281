package org.linli.property.courier;

import java.time.Instant;
import java.util.Objects;
import org.linli.events.property.CourierVerified;
import org.linli.platform.messaging.AggregateRoot;
import org.linli.platform.protection.SensitiveText;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.domain.MobileNumber;
import org.linli.platform.domain.NewIds;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A courier's or rider's registration with the platform (智慧暖"新": 新就业群体信息录入), for the area they serve
 * (a community or street). The community checks it (PENDING → VERIFIED or REJECTED with a reason, once); a
 * verified registration is then pushed to the property companies of every compound in the area, one
 * {@link AccessRequest} per compound. The push is the second write after the verification: {@link #pushed}
 * records it, and until then a repeated verification resumes it ({@link #pushDue()}).
 *
 * <p>An account holds one open (pending or verified) registration per area: {@code openKey} ({@code account/area}
 * while open, absent once rejected or when no account is named) carries a unique sparse index, so two concurrent
 * registrations cannot both be stored.
 *
 * <p>The phone is personal data: stored encrypted ({@link SensitiveText}), shown masked unless the caller's role
 * needs it, never logged.
 */
@Document("courier_registrations")
public class CourierRegistration extends AggregateRoot {

    static final int MAX_NAME = 50;
    static final int MAX_COMPANY = 100;
    static final int MAX_REASON = 500;

    @Id
    private String id;
    @Indexed // a courier's own registrations
    private String accountId;
    private String personName;
    private CourierKind kind;
    private String company;
    private SensitiveText phone;
    private String areaUnitId;
    private String areaName;
    @Indexed // staff's list in their subtree (prefix)
    private String areaPath;
    @Indexed(unique = true, sparse = true)
    private String openKey;
    private String registeredBy;
    private Instant registeredAt;
    private Status status;
    private Review review;
    private Integer pushedCompounds;
    private Instant pushedAt;

    protected CourierRegistration() {
        // for the mapping layer
    }

    /**
     * A new registration, PENDING. {@code accountId}: the courier's own account ({@code null} when staff register
     * someone without one); {@code registeredBy}: who entered it (the courier, or a community admin or grid worker).
     */
    static CourierRegistration register(String accountId, String personName, CourierKind kind, String company,
                                        MobileNumber phone, Area area, String registeredBy, Instant now) {
        CourierRegistration registration = new CourierRegistration();
        registration.id = NewIds.next();
        registration.accountId = accountId;
        registration.personName = text(personName, MAX_NAME, "invalid-courier-name");
        registration.kind = Objects.requireNonNull(kind);
        registration.company = text(company, MAX_COMPANY, "invalid-courier-company");
        registration.phone = SensitiveText.of(phone.value());
        registration.areaUnitId = area.unitId();
        registration.areaName = area.name();
        registration.areaPath = area.path();
        registration.openKey = accountId == null ? null : openKey(accountId, area.unitId());
        registration.registeredBy = registeredBy;
        registration.registeredAt = now;
        registration.status = Status.PENDING;
        return registration;
    }

    /**
     * The community confirms the details. A verified registration whose push has not completed may be verified
     * again: that resumes the push (the access requests are keyed, so none is created twice).
     */
    void verify(String by, Instant now) {
        if (status == Status.VERIFIED && pushDue()) {
            return;
        }
        require(Status.PENDING, "verification");
        status = Status.VERIFIED;
        review = new Review(true, null, by, now);
    }

    /** The community turns it down, with its reason. */
    void reject(String reason, String by, Instant now) {
        require(Status.PENDING, "rejection");
        String why = Reasons.required(reason, MAX_REASON);
        status = Status.REJECTED;
        openKey = null;
        review = new Review(false, why, by, now);
    }

    /**
     * The registration has been pushed to the property companies of {@code compounds} compounds in its area: the
     * verification is complete, recorded as {@link CourierVerified} (without name or phone). Recorded here, in the last
     * of the verification's writes, and not in {@link #verify}: a second save of the same object would write an event
     * the relay may already have removed back into the outbox.
     */
    void pushed(int compounds, Instant now) {
        if (status != Status.VERIFIED) {
            throw new BusinessRuleViolation("wrong-step", "only a verified registration is pushed; it is " + status,
                    status.name());
        }
        pushedCompounds = compounds;
        pushedAt = now;
        recordEvent(id, new CourierVerified(id, accountId, kind.name(), company, areaUnitId), now);
    }

    /** Verified, but not yet (completely) pushed to the compounds of the area. */
    boolean pushDue() {
        return status == Status.VERIFIED && pushedAt == null;
    }

    /** Whether it still stands (pending or verified): an account holds one such registration per area. */
    boolean open() {
        return status != Status.REJECTED;
    }

    /** The key an account's open registration for an area holds (unique while open). */
    private static String openKey(String accountId, String areaUnitId) {
        return accountId + "/" + areaUnitId;
    }

    boolean heldBy(String account) {
        return accountId != null && accountId.equals(account);
    }

    private void require(Status expected, String step) {
        if (status != expected) {
            throw new BusinessRuleViolation("wrong-step", "the " + step + " comes when the registration is " + expected
                    + "; it is " + status, status.name());
        }
    }

    private static String text(String value, int max, String code) {
        if (value == null || value.isBlank() || value.strip().length() > max) {
            throw new BusinessRuleViolation(code, "1 to " + max + " characters", max);
        }
        return value.strip();
    }

    public String id() {
        return id;
    }

    public String accountId() {
        return accountId;
    }

    public String personName() {
        return personName;
    }

    public CourierKind kind() {
        return kind;
    }

    public String company() {
        return company;
    }

    /** The whole number ({@code toString()} masked): for the courier and the staff whose role needs it only. */
    public MobileNumber phone() {
        return new MobileNumber(phone.value());
    }

    public String areaUnitId() {
        return areaUnitId;
    }

    public String areaName() {
        return areaName;
    }

    public String areaPath() {
        return areaPath;
    }

    public String registeredBy() {
        return registeredBy;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public Status status() {
        return status;
    }

    public Review review() {
        return review;
    }

    public Integer pushedCompounds() {
        return pushedCompounds;
    }

    public Instant pushedAt() {
        return pushedAt;
    }

    public enum Status {
        PENDING("待核实"), VERIFIED("已核实"), REJECTED("未通过");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The area served: a community or street org unit, with its path. */
    record Area(String unitId, String name, String path) {
    }

    /** The community's check: verified or rejected (with the reason), by whom and when. */
    public record Review(boolean verified, String reason, String by, Instant at) {
    }
}
