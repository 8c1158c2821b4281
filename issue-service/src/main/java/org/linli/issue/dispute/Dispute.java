package org.linli.issue.dispute;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.linli.events.issue.DisputeMediated;
import org.linli.events.issue.DisputeReferred;
import org.linli.issue.issue.Category;
import org.linli.issue.issue.Channel;
import org.linli.issue.issue.Issue;
import org.linli.issue.issue.Report;
import org.linli.issue.place.Route;
import org.linli.platform.messaging.AggregateRoot;
import org.linli.platform.protection.SensitiveText;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.domain.MobileNumber;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A dispute (矛盾纠纷) a grid worker took in and tries to settle first (前置调解): recorded with its parties in a
 * place of the worker's scope, mediated in one or more sessions, and concluded once, either MEDIATED (an agreement
 * every party consented to) or REFERRED (beyond the worker's capacity: passed on as an issue, 工单, whose
 * description carries this history; the dispute keeps the issue's id). Both outcomes are final; a step out of order
 * is a 422 {@code wrong-step}.
 *
 * <p>The issue a referral makes has an id derived from the dispute's ({@link #referralIssueId()}), so that a referral
 * retried after the issue was stored but the dispute was not finds that issue instead of making a second.
 * Parties' phones are personal data: stored encrypted ({@link SensitiveText}), masked in most answers, never in
 * the referred issue, events or logs.
 */
@Document("disputes")
// the list and the success rates of a scope (org path prefix), a grid and a worker, each over recordedAt
@CompoundIndex(name = "path_recorded", def = "{'communityPath': 1, 'recordedAt': -1}")
@CompoundIndex(name = "grid_recorded", def = "{'gridId': 1, 'recordedAt': -1}")
@CompoundIndex(name = "worker_recorded", def = "{'workerAccountId': 1, 'recordedAt': -1}")
public class Dispute extends AggregateRoot {

    static final int MAX_TEXT = 1000;
    static final int MAX_PARTIES = 20;

    @Id
    private String id;
    private Kind kind;
    private String description;
    private List<Party> parties = new ArrayList<>();
    private Double lat;
    private Double lng;
    private String buildingId;
    private String address;
    private String gridId;
    private String communityUnitId;
    private String communityPath;
    private String workerAccountId;
    private String workerName;
    private Status status;
    private List<MediationSession> sessions = new ArrayList<>();
    private Agreement agreement;
    private Referral referral;
    private Instant recordedAt;
    private Instant concludedAt;
    private Instant updatedAt;

    protected Dispute() {
        // for the mapping layer
    }

    /**
     * A dispute taken in by {@code workerAccountId} (the grid worker, or a community admin, who mediates it and whose
     * success rate it counts for) at the place {@code route} found; at least two parties.
     */
    static Dispute record(String id, Kind kind, String description, List<Party> parties, Place place, Route route,
                          String workerAccountId, String workerName, Instant now) {
        if (parties == null || parties.size() < 2 || parties.size() > MAX_PARTIES) {
            throw new BusinessRuleViolation("parties-required", "a dispute names 2 to " + MAX_PARTIES + " parties",
                    MAX_PARTIES);
        }
        Dispute dispute = new Dispute();
        dispute.id = Objects.requireNonNull(id);
        dispute.kind = Objects.requireNonNull(kind);
        dispute.description = Objects.requireNonNull(description).strip();
        dispute.parties = new ArrayList<>(parties);
        dispute.lat = place.lat();
        dispute.lng = place.lng();
        dispute.buildingId = place.buildingId();
        dispute.address = place.address();
        dispute.gridId = route.gridId();
        dispute.communityUnitId = Objects.requireNonNull(route.communityUnitId());
        dispute.communityPath = Objects.requireNonNull(route.communityPath());
        dispute.workerAccountId = Objects.requireNonNull(workerAccountId);
        dispute.workerName = workerName;
        dispute.status = Status.RECORDED;
        dispute.recordedAt = now;
        dispute.updatedAt = now;
        return dispute;
    }

    /** A mediation session (an attempt) with what happened at it. */
    void addSession(String note, String by, Instant now) {
        require(Status.OPEN, "a mediation session");
        if (note == null || note.isBlank()) {
            throw new BusinessRuleViolation("session-note-required", "a mediation session needs a note");
        }
        sessions.add(new MediationSession(now, by, note.strip()));
        status = Status.MEDIATING;
        updatedAt = now;
    }

    /**
     * Settled: an agreement every party consented to (named by the parties' names), agreed on a date. Final; records
     * {@link DisputeMediated}.
     */
    void mediate(String agreementText, Set<String> consentedBy, LocalDate agreedOn, String by, Instant now) {
        require(Status.OPEN, "mediation");
        if (agreementText == null || agreementText.isBlank()) {
            throw new BusinessRuleViolation("agreement-required", "a mediated dispute records its agreement");
        }
        Set<String> missing = parties.stream().map(Party::name)
                .filter(name -> consentedBy == null || !consentedBy.contains(name))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (!missing.isEmpty()) {
            throw new BusinessRuleViolation("consent-missing", "every party consents to the agreement; missing: "
                    + missing.size(), missing.size());
        }
        agreement = new Agreement(agreementText.strip(), parties.stream().map(Party::name).toList(),
                Objects.requireNonNull(agreedOn), by);
        conclude(Status.MEDIATED, now);
        recordEvent(id, new DisputeMediated(id, kind.name(), gridId, communityUnitId, workerAccountId, sessions.size(),
                agreedOn), now);
    }

    /**
     * Checks that the dispute can still be referred, before its issue is made: a concluded dispute is a 422
     * {@code wrong-step}, and a referral names why it is beyond the worker's capacity.
     */
    void checkReferable(String reason) {
        require(Status.OPEN, "referral");
        if (reason == null || reason.isBlank()) {
            throw new BusinessRuleViolation("referral-reason-required", "a referral says why it is passed on");
        }
    }

    /** Passed on as the issue {@code issueId} (made from {@link #referralReport}). Final; records {@link DisputeReferred}. */
    void refer(String issueId, String reason, String by, Instant now) {
        checkReferable(reason);
        if (!referralIssueId().equals(issueId)) {
            throw new IllegalArgumentException("a dispute is referred as the issue its id names");
        }
        referral = new Referral(issueId, reason.strip(), by);
        conclude(Status.REFERRED, now);
        recordEvent(id, new DisputeReferred(id, kind.name(), gridId, communityUnitId, workerAccountId, issueId), now);
    }

    /** The id of the issue this dispute is referred as: the same on every try and every instance. */
    String referralIssueId() {
        return UUID.nameUUIDFromBytes(("dispute:" + id).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * The issue a referral passes on: reported by the referring staff member at the dispute's place, in
     * {@code category} (the kind's own when null), its description the dispute's history (parties by name, never
     * their phones), cut to what an issue holds.
     */
    Report referralReport(Category category, String reason, String byAccountId, String byName, ZoneId zone) {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
        StringBuilder text = new StringBuilder()
                .append("【矛盾纠纷上报】").append(kind.label()).append("（纠纷 ").append(id).append("）\n")
                .append("当事人：").append(parties.stream().map(Party::name).collect(Collectors.joining("、")))
                .append("\n登记 ").append(time.format(recordedAt)).append("：").append(description);
        for (MediationSession session : sessions) {
            text.append("\n调解 ").append(time.format(session.at())).append("：").append(session.note());
        }
        text.append("\n上报原因：").append(reason.strip());
        String description = text.length() <= Issue.MAX_DESCRIPTION ? text.toString()
                : text.substring(0, Issue.MAX_DESCRIPTION - 1) + "…";
        return new Report(category == null ? kind.issueCategory() : category, null,
                Channel.PATROL, description, lat, lng, buildingId, address, false, byAccountId,
                byName, null, null, List.of(), null);
    }

    private void conclude(Status outcome, Instant now) {
        status = outcome;
        concludedAt = now;
        updatedAt = now;
    }

    private void require(Set<Status> allowed, String step) {
        if (!allowed.contains(status)) {
            throw new BusinessRuleViolation("wrong-step", step + " comes while a dispute is open; it is " + status,
                    step, status.name());
        }
    }

    public String id() { return id; }
    Kind kind() { return kind; }
    String description() { return description; }
    List<Party> parties() { return Collections.unmodifiableList(parties); }
    Double lat() { return lat; }
    Double lng() { return lng; }
    String buildingId() { return buildingId; }
    String address() { return address; }
    String gridId() { return gridId; }
    String communityUnitId() { return communityUnitId; }
    String communityPath() { return communityPath; }
    String workerAccountId() { return workerAccountId; }
    String workerName() { return workerName; }
    Status status() { return status; }
    List<MediationSession> sessions() { return Collections.unmodifiableList(sessions); }
    Agreement agreement() { return agreement; }
    Referral referral() { return referral; }
    Instant recordedAt() { return recordedAt; }
    Instant concludedAt() { return concludedAt; }
    Instant updatedAt() { return updatedAt; }

    /** What the dispute is about, with the issue category a referral files it under by default. */
    enum Kind {
        NEIGHBOUR("邻里纠纷", Category.NEIGHBOUR_DISPUTE),
        FAMILY("婚姻家庭纠纷", Category.NEIGHBOUR_DISPUTE),
        PROPERTY_MANAGEMENT("物业纠纷", Category.PROPERTY_REPAIR),
        LAND_AND_HOUSING("土地房屋纠纷", Category.NEIGHBOUR_DISPUTE),
        LABOUR("劳资纠纷", Category.OTHER),
        OTHER("其他纠纷", Category.OTHER);

        private final String label;
        private final Category issueCategory;

        Kind(String label, Category issueCategory) {
            this.label = label;
            this.issueCategory = issueCategory;
        }

        String label() { return label; }
        Category issueCategory() { return issueCategory; }
    }

    /** Where a dispute stands: open (RECORDED, MEDIATING) or concluded for good (MEDIATED, REFERRED). */
    enum Status {
        RECORDED("已登记"), MEDIATING("调解中"), MEDIATED("调解成功"), REFERRED("已上报");

        static final Set<Status> OPEN = EnumSet.of(RECORDED, MEDIATING);

        private final String label;

        Status(String label) {
            this.label = label;
        }

        String label() { return label; }
    }

    /** A party to the dispute: a name and, optionally, a mobile number (personal data, stored encrypted). */
    record Party(String name, SensitiveText phone) {

        Party {
            if (name == null || name.isBlank()) {
                throw new BusinessRuleViolation("parties-required", "every party has a name", MAX_PARTIES);
            }
            name = name.strip();
        }

        static Party of(String name, String phone) {
            return new Party(name, SensitiveText.of(phone));
        }

        String phoneValue() { return SensitiveText.valueOf(phone); }
        String maskedPhone() { return phone == null ? null : MobileNumber.mask(phone.value()); }
    }

    /** Where the dispute arose, as the worker gave it: a point or a building, and an address. */
    record Place(Double lat, Double lng, String buildingId, String address) {
    }

    /** One mediation session: when, by whom, what happened. */
    record MediationSession(Instant at, String by, String note) {
    }

    /** The agreement of a mediated dispute, the parties who consented (all of them) and the day it was agreed. */
    record Agreement(String text, List<String> consentedBy, LocalDate agreedOn, String by) {
    }

    /** The issue a referred dispute became, why, and who passed it on. */
    record Referral(String issueId, String reason, String by) {
    }
}
