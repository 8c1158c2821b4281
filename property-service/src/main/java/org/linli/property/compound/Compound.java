package org.linli.property.compound;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.linli.events.property.CompoundCreated;
import org.linli.events.property.ContractEnded;
import org.linli.events.property.ContractStarted;
import org.linli.events.property.SanctionIssued;
import org.linli.platform.messaging.AggregateRoot;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.domain.NewIds;
import org.linli.platform.domain.NotFoundException;
import org.linli.property.company.PropertyCompany;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A residential compound (小区) and its management: the service contracts with companies are kept in
 * the compound's own document, so every rule across contracts (never two overlapping regular contracts;
 * an eviction ends one contract and starts the fallback in the same moment) is one single-document
 * write guarded by the version. The compound belongs to a community; {@code communityPath} is that
 * committee's org path, which scopes who may see and change it.
 */
@Document("compounds")
public class Compound extends AggregateRoot {

    static final int MAX_NAME_LENGTH = 100;

    @Id
    private String id;
    private String name;
    @Indexed // the list filtered by kind
    private CompoundKind kind;
    @Indexed
    private String communityUnitId;
    @Indexed
    private String communityPath;
    private String gridId;
    private int households;
    private double lat;
    private double lng;
    private ManagementMode modeWithoutCompany;
    /** Who answers for it (Huguan); {@code null} in compounds stored before: {@link #compoundClass()} derives it. */
    private CompoundClass compoundClass;
    /** For WORK_UNIT: the employer's party organisation (an org unit), when named. */
    private String responsibleUnitId;
    private List<Contract> contracts = new ArrayList<>();
    private List<Eviction> evictions = new ArrayList<>();
    private List<FeeCollection> feeCollections = new ArrayList<>();
    private Instant createdAt;
    private Instant updatedAt;

    protected Compound() {
        // for the mapping layer
    }

    private Compound(String id, String name, CompoundKind kind, Responsibility responsibility, Community community,
                     String gridId, int households, double lat, double lng, Instant now) {
        this.id = id;
        this.name = validName(name);
        this.kind = Objects.requireNonNull(kind);
        this.compoundClass = responsibility.compoundClass() != null ? responsibility.compoundClass() : CompoundClass.of(kind);
        this.responsibleUnitId = validResponsibleUnit(this.compoundClass, responsibility.unitId());
        this.communityUnitId = community.unitId();
        this.communityPath = community.path();
        this.gridId = gridId;
        this.households = validHouseholds(households);
        this.lat = lat;
        this.lng = lng;
        this.createdAt = now;
        this.updatedAt = now;
        recordEvent(id, new CompoundCreated(id, this.name, kind.name(), communityUnitId, communityPath, gridId,
                households, lat, lng, null, compoundClass.name(), responsibleUnitId), now);
    }

    public static Compound register(String name, CompoundKind kind, Community community, String gridId, int households,
                                    double lat, double lng, Instant now) {
        return register(name, kind, new Responsibility(null, null), community, gridId, households, lat, lng, now);
    }

    /** A compound with its class (absent: by its kind) and, for a work-unit compound, the employer's party unit. */
    public static Compound register(String name, CompoundKind kind, Responsibility responsibility, Community community,
                                    String gridId, int households, double lat, double lng, Instant now) {
        return new Compound(NewIds.next(), name, kind, responsibility, community, gridId, households, lat, lng, now);
    }

    private static String validResponsibleUnit(CompoundClass compoundClass, String unitId) {
        if (unitId != null && compoundClass != CompoundClass.WORK_UNIT) {
            throw new BusinessRuleViolation("invalid-responsible-unit",
                    "only a work-unit compound names the employer's party organisation that answers for it", unitId);
        }
        return unitId;
    }

    /**
     * Signs a contract with a company. Regular contracts never overlap one another; a regular contract
     * ends the temporary or fallback service it overlaps the day before it starts (the new company has been
     * selected). Temporary and fallback contracts overlap no running contract; fallback service needs a
     * state-owned or qualified company.
     */
    public Contract sign(PropertyCompany company, ContractKind contractKind, LocalDate startsOn, LocalDate endsOn,
                         List<Contract.FeeStandard> fees, Instant now) {
        return sign(company, contractKind, startsOn, endsOn, fees, null, now);
    }

    /** Signs a contract citing the owners' passed decision that selected the company ({@code null}: none cited). */
    public Contract sign(PropertyCompany company, ContractKind contractKind, LocalDate startsOn, LocalDate endsOn,
                         List<Contract.FeeStandard> fees, String decisionId, Instant now) {
        Objects.requireNonNull(contractKind);
        checkPeriod(startsOn, endsOn);
        checkFees(fees);
        if (contractKind == ContractKind.FALLBACK && !company.mayServeAsFallback()) {
            throw new BusinessRuleViolation("not-fallback-qualified",
                    "fallback service needs a state-owned or qualified company", company.name());
        }
        for (int i = 0; i < contracts.size(); i++) {
            Contract other = contracts.get(i);
            if (!other.overlaps(startsOn, endsOn)) {
                continue;
            }
            if (contractKind == ContractKind.REGULAR && other.kind() != ContractKind.REGULAR
                    && other.startsOn().isBefore(startsOn)) {
                contracts.set(i, other.endedOn(startsOn.minusDays(1), "REPLACED"));
                recordEvent(other.id(), new ContractEnded(other.id(), id, other.companyId(), "TERMINATED",
                        startsOn.minusDays(1)), now);
            } else {
                throw new BusinessRuleViolation("overlapping-contract", "the compound already has a contract from "
                        + other.startsOn() + " to " + other.lastDay(), other.id(), other.startsOn(), other.lastDay());
            }
        }
        Contract contract = new Contract(UUID.randomUUID().toString(), company.id(), contractKind, startsOn, endsOn,
                fees, null, null, decisionId);
        contracts.add(contract);
        updatedAt = now;
        recordEvent(contract.id(), new ContractStarted(contract.id(), id, company.id(), contractKind.name(), startsOn,
                endsOn), now);
        return contract;
    }

    /** Ends a running contract early; {@code lastDay} is its last day in force. */
    public Contract end(String contractId, LocalDate lastDay, Instant now) {
        int index = indexOf(contractId);
        Contract contract = contracts.get(index);
        if (contract.endedOn() != null) {
            throw new BusinessRuleViolation("contract-ended", "the contract has already ended on " + contract.endedOn(),
                    contract.endedOn());
        }
        if (lastDay.isBefore(contract.startsOn().minusDays(1)) || lastDay.isAfter(contract.endsOn())) {
            throw new BusinessRuleViolation("invalid-end-date", "a contract ends within its period", contract.startsOn(),
                    contract.endsOn());
        }
        Contract ended = contract.endedOn(lastDay, "TERMINATED");
        contracts.set(index, ended);
        updatedAt = now;
        recordEvent(contractId, new ContractEnded(contractId, id, contract.companyId(), "TERMINATED", lastDay), now);
        return ended;
    }

    /**
     * Evicts (清退) the company of the regular contract in force {@code today}, on the owners' mandate: a passed
     * decision dismissing that very company, or (after sanctions) the assembly consultation's majority. That
     * contract's last day is yesterday and the fallback company serves from today, so the compound is never
     * without management. The eviction sanction is recorded with it; all three events go out with this one write.
     */
    public Eviction evict(Mandate mandate, PropertyCompany fallbackCompany, LocalDate fallbackEndsOn,
                          String reason, List<String> evidenceRefs, LocalDate appealUntil, LocalDate today,
                          Instant now) {
        Contract regular = contracts.stream()
                .filter(contract -> contract.kind() == ContractKind.REGULAR && contract.inForceOn(today))
                .findFirst()
                .orElseThrow(() -> new BusinessRuleViolation("no-regular-contract",
                        "the compound has no regular contract in force to end"));
        mandate.check(regular.companyId(), households, today);
        if (fallbackCompany.id().equals(regular.companyId())) {
            throw new BusinessRuleViolation("fallback-is-evicted-company", "the evicted company cannot provide the fallback");
        }
        if (!fallbackCompany.mayServeAsFallback()) {
            throw new BusinessRuleViolation("not-fallback-qualified",
                    "fallback service needs a state-owned or qualified company", fallbackCompany.name());
        }
        checkPeriod(today, fallbackEndsOn);
        LocalDate lastDay = today.minusDays(1);
        contracts.set(contracts.indexOf(regular), regular.endedOn(lastDay, "EVICTED"));
        for (Contract other : contracts) {
            if (other.overlaps(today, fallbackEndsOn)) {
                throw new BusinessRuleViolation("overlapping-contract", "the compound already has a contract from "
                        + other.startsOn() + " to " + other.lastDay(), other.id(), other.startsOn(), other.lastDay());
            }
        }
        Contract fallback = new Contract(UUID.randomUUID().toString(), fallbackCompany.id(), ContractKind.FALLBACK,
                today, fallbackEndsOn, regular.feeStandards(), null, null, null);
        contracts.add(fallback);
        Eviction eviction = new Eviction(UUID.randomUUID().toString(), regular.id(), regular.companyId(),
                mandate.consultation(), mandate.decisionId(), fallback.id(), fallbackCompany.id(), today, reason, evidenceRefs, appealUntil);
        evictions.add(eviction);
        updatedAt = now;
        recordEvent(regular.id(), new ContractEnded(regular.id(), id, regular.companyId(), "EVICTED", lastDay), now);
        recordEvent(fallback.id(), new ContractStarted(fallback.id(), id, fallbackCompany.id(),
                ContractKind.FALLBACK.name(), today, fallbackEndsOn), now);
        recordEvent(eviction.sanctionId(), new SanctionIssued(eviction.sanctionId(), regular.companyId(), id, "EVICTION",
                appealUntil), now);
        return eviction;
    }

    /**
     * Marks the running contracts whose last day is before {@code today} as EXPIRED, with a ContractEnded each;
     * answers how many expired.
     */
    public int expireContracts(LocalDate today, Instant now) {
        int expired = 0;
        for (int i = 0; i < contracts.size(); i++) {
            Contract contract = contracts.get(i);
            if (contract.endedOn() == null && contract.endsOn().isBefore(today)) {
                contracts.set(i, contract.endedOn(contract.endsOn(), "EXPIRED"));
                recordEvent(contract.id(), new ContractEnded(contract.id(), id, contract.companyId(), "EXPIRED",
                        contract.endsOn()), now);
                expired++;
            }
        }
        if (expired > 0) {
            updatedAt = now;
        }
        return expired;
    }

    /** Puts the compound under one of the five modes for compounds without a company, or clears it ({@code null}). */
    public void manageWithoutCompany(ManagementMode mode, Instant now) {
        if (mode != null && !mode.withoutCompany()) {
            throw new BusinessRuleViolation("invalid-management-mode",
                    "a compound without a company is UNIFIED, TAKEN_OVER, DIRECT, SELF or ASSISTED", mode.name());
        }
        modeWithoutCompany = mode;
        updatedAt = now;
    }

    /** Records the fee collection of a year (物业费收缴): what was due and what was collected, in fen. */
    public void reportFees(int year, long dueFen, long collectedFen, Instant now) {
        if (dueFen < 0 || collectedFen < 0 || collectedFen > dueFen) {
            throw new BusinessRuleViolation("invalid-fee-collection",
                    "fees collected are between 0 and the fees due", dueFen, collectedFen);
        }
        feeCollections.removeIf(collection -> collection.year() == year);
        feeCollections.add(new FeeCollection(year, dueFen, collectedFen));
        feeCollections.sort(Comparator.comparingInt(FeeCollection::year));
        updatedAt = now;
    }

    /** The contract in force on a day: the regular one, else the temporary or fallback one. */
    public Optional<Contract> contractOn(LocalDate day) {
        return contracts.stream().filter(contract -> contract.inForceOn(day))
                .min(Comparator.comparing(Contract::kind));
    }

    /** How the compound is managed on a day. */
    public ManagementMode modeOn(LocalDate day) {
        if (contractOn(day).isPresent()) {
            return ManagementMode.PROFESSIONAL;
        }
        return modeWithoutCompany != null ? modeWithoutCompany : ManagementMode.UNMANAGED;
    }

    public Optional<FeeCollection> fees(int year) {
        return feeCollections.stream().filter(collection -> collection.year() == year).findFirst();
    }

    private int indexOf(String contractId) {
        for (int i = 0; i < contracts.size(); i++) {
            if (contracts.get(i).id().equals(contractId)) {
                return i;
            }
        }
        throw new NotFoundException("contract", contractId);
    }

    private static void checkPeriod(LocalDate startsOn, LocalDate endsOn) {
        if (startsOn == null || endsOn == null || endsOn.isBefore(startsOn)) {
            throw new BusinessRuleViolation("invalid-contract-period", "a contract ends on or after its first day",
                    startsOn, endsOn);
        }
    }

    private static void checkFees(List<Contract.FeeStandard> fees) {
        if (fees != null && fees.stream().anyMatch(fee -> fee.fenPerSquareMetreMonth() < 0)) {
            throw new BusinessRuleViolation("invalid-fee-standard", "a fee standard cannot be negative");
        }
    }

    private static int validHouseholds(int households) {
        if (households < 0) {
            throw new BusinessRuleViolation("negative-households", "households cannot be negative");
        }
        return households;
    }

    private static String validName(String name) {
        if (name == null || name.isBlank() || name.strip().length() > MAX_NAME_LENGTH) {
            throw new BusinessRuleViolation("invalid-compound-name", "a compound name has 1 to 100 characters");
        }
        return name.strip();
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public CompoundKind kind() {
        return kind;
    }

    /** Who answers for the compound (Huguan); compounds stored before the class existed: by their kind. */
    public CompoundClass compoundClass() {
        return compoundClass != null ? compoundClass : CompoundClass.of(kind);
    }

    /** The employer's party organisation answering for a work-unit compound, {@code null} when none is named. */
    public String responsibleUnitId() {
        return responsibleUnitId;
    }

    public String communityUnitId() {
        return communityUnitId;
    }

    public String communityPath() {
        return communityPath;
    }

    public String gridId() {
        return gridId;
    }

    public int households() {
        return households;
    }

    public double lat() {
        return lat;
    }

    public double lng() {
        return lng;
    }

    public List<Contract> contracts() {
        return List.copyOf(contracts);
    }

    public List<Eviction> evictions() {
        return List.copyOf(evictions);
    }

    public List<FeeCollection> feeCollections() {
        return List.copyOf(feeCollections);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** A compound's class and the org unit named as its responsible body (only for WORK_UNIT); each may be null. */
    public record Responsibility(CompoundClass compoundClass, String unitId) {
    }

    /** The community party committee a compound belongs to: its org-unit id and org path. */
    public record Community(String unitId, String path) {

        public Community {
            Objects.requireNonNull(unitId);
            Objects.requireNonNull(path);
        }
    }

    /**
     * The owners' assembly consulted before an eviction (业主大会): more than half of the participating
     * households agreed.
     */
    public record AssemblyConsultation(LocalDate heldOn, int participatingHouseholds, int agreeingHouseholds,
                                       String minutesRef) {

        void check(int households, LocalDate today) {
            if (heldOn == null || heldOn.isAfter(today) || participatingHouseholds <= 0
                    || participatingHouseholds > Math.max(households, 1) || agreeingHouseholds < 0
                    || agreeingHouseholds > participatingHouseholds) {
                throw new BusinessRuleViolation("invalid-consultation",
                        "the owners' assembly consultation needs a past date and consistent household counts");
            }
            if (agreeingHouseholds * 2 <= participatingHouseholds) {
                throw new BusinessRuleViolation("consultation-not-agreed",
                        "more than half of the participating households must agree to the eviction",
                        agreeingHouseholds, participatingHouseholds);
            }
        }
    }

    /**
     * What an eviction rests on: the id of the owners' passed decision (Civil Code art. 278 item 4) dismissing
     * {@code dismissedCompanyId}, or — only where the company stands sanctioned — the assembly consultation.
     */
    public record Mandate(String decisionId, String dismissedCompanyId, AssemblyConsultation consultation) {

        public static Mandate ofDecision(String decisionId, String dismissedCompanyId) {
            return new Mandate(Objects.requireNonNull(decisionId), Objects.requireNonNull(dismissedCompanyId), null);
        }

        public static Mandate ofConsultation(AssemblyConsultation consultation) {
            return new Mandate(null, null, Objects.requireNonNull(consultation));
        }

        void check(String evictedCompanyId, int households, LocalDate today) {
            if (decisionId == null) {
                consultation.check(households, today);
            } else if (!dismissedCompanyId.equals(evictedCompanyId)) {
                throw new BusinessRuleViolation("decision-not-for-company",
                        "the owners' decision dismissed another company than the one serving the compound", decisionId);
            }
        }
    }

    /**
     * An eviction (清退): the ended contract, its mandate (the owners' decision, or the consultation), the fallback
     * contract and the sanction's id.
     */
    public record Eviction(@Indexed(sparse = true) String sanctionId, String contractId, String companyId,
                           AssemblyConsultation consultation, String decisionId, String fallbackContractId, String fallbackCompanyId, LocalDate evictedOn, String reason,
                           List<String> evidenceRefs, LocalDate appealUntil) {

        public Eviction {
            evidenceRefs = evidenceRefs == null ? List.of() : List.copyOf(evidenceRefs);
        }
    }

    /** A year's property-fee collection, in fen. */
    public record FeeCollection(int year, long dueFen, long collectedFen) {
    }
}
