package org.linli.property.assembly;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.linli.platform.domain.BusinessRuleViolation;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A compound's owners' register (业主名册): its exclusive units (专有部分) with their area and owner. The
 * headcount follows the judicial interpretation on building ownership (最高人民法院《关于审理建筑物区分所有权纠纷案件
 * 适用法律若干问题的解释》第九条): one exclusive unit counts as one owner, but all units of one buyer count as one,
 * and the developer's unsold or undelivered units count as one. Areas are exact, in square centimetres.
 * Owners' committee members (业委会委员) are owners with their own account; they manage the compound's votes.
 * The id is the compound's; who may read or change it follows the compound's community.
 */
@Document("owners_registers")
class OwnersRegister {

    /** The voter key of the developer's unsold or undelivered units, counted as one owner. */
    public static final String DEVELOPER = "developer";
    static final int MAX_UNITS = 5000;

    @Id
    private String compoundId;
    private String developerName;
    private List<Owner> owners = new ArrayList<>();
    private List<Unit> units = new ArrayList<>();
    private Instant updatedAt;
    private String updatedBy;
    @Version
    private Long version;

    protected OwnersRegister() {
        // for the mapping layer
    }

    public OwnersRegister(String compoundId) {
        this.compoundId = Objects.requireNonNull(compoundId);
    }

    /**
     * Replaces the register. Every unit names a registered owner or is the developer's; unit numbers and owner
     * ids are unique, an account belongs to one owner, and committee members have an account.
     */
    public void replace(String developerName, List<Owner> newOwners, List<Unit> newUnits, String by, Instant now) {
        Map<String, Owner> byId = new LinkedHashMap<>();
        Set<String> accounts = new HashSet<>();
        for (Owner owner : newOwners) {
            if (DEVELOPER.equals(owner.id()) || byId.put(owner.id(), owner) != null) {
                throw new BusinessRuleViolation("duplicate-owner", "owner ids are unique in a register", owner.id());
            }
            if (owner.accountId() != null && !accounts.add(owner.accountId())) {
                throw new BusinessRuleViolation("duplicate-owner-account", "an account belongs to one owner",
                        owner.accountId());
            }
            if (owner.committeeMember() && owner.accountId() == null) {
                throw new BusinessRuleViolation("committee-member-without-account",
                        "an owners' committee member needs their own account", owner.id());
            }
        }
        Set<String> numbers = new HashSet<>();
        for (Unit unit : newUnits) {
            if (!numbers.add(unit.number())) {
                throw new BusinessRuleViolation("duplicate-unit", "unit numbers are unique in a register", unit.number());
            }
            if (unit.developerHeld() == (unit.ownerId() != null)) {
                throw new BusinessRuleViolation("unit-owner-required",
                        "a unit has either an owner or is the developer's unsold or undelivered unit", unit.number());
            }
            if (unit.ownerId() != null && !byId.containsKey(unit.ownerId())) {
                throw new BusinessRuleViolation("unknown-owner", "the unit's owner is not in the register",
                        unit.number(), unit.ownerId());
            }
        }
        this.developerName = developerName;
        this.owners = new ArrayList<>(newOwners);
        this.units = new ArrayList<>(newUnits);
        this.updatedBy = by;
        this.updatedAt = now;
    }

    /**
     * The electorate by the headcount rule: one voter per owner holding units (the sum of their areas) and one
     * for all the developer's units together.
     */
    public List<Voter> voters() {
        Map<String, Voter> voters = new LinkedHashMap<>();
        Map<String, Owner> byId = new LinkedHashMap<>();
        owners.forEach(owner -> byId.put(owner.id(), owner));
        for (Unit unit : units) {
            String key = unit.developerHeld() ? DEVELOPER : unit.ownerId();
            Voter voter = voters.get(key);
            if (voter == null) {
                Owner owner = byId.get(key);
                voter = unit.developerHeld()
                        ? new Voter(DEVELOPER, developerName == null ? "开发建设单位" : developerName, null, 0, 0)
                        : new Voter(key, owner.name(), owner.accountId(), 0, 0);
            }
            voters.put(key, voter.with(unit.areaCm2()));
        }
        return List.copyOf(voters.values());
    }

    /** Whether the account is one of the owners' committee members named in the register. */
    public boolean committeeMember(String accountId) {
        return accountId != null && owners.stream()
                .anyMatch(owner -> owner.committeeMember() && accountId.equals(owner.accountId()));
    }

    /** The owner who signs in with this account. */
    public Optional<Owner> ownerWithAccount(String accountId) {
        return owners.stream().filter(owner -> accountId != null && accountId.equals(owner.accountId())).findFirst();
    }

    /** Square metres with at most four decimals as exact square centimetres (422 invalid-area otherwise). */
    public static long squareCentimetres(String unitNumber, BigDecimal squareMetres) {
        try {
            long cm2 = squareMetres.movePointRight(4).longValueExact();
            if (cm2 <= 0) {
                throw new ArithmeticException("not positive");
            }
            return cm2;
        } catch (ArithmeticException notExact) {
            throw new BusinessRuleViolation("invalid-area",
                    "an exclusive area is positive, in square metres with at most four decimals", unitNumber,
                    squareMetres.toPlainString());
        }
    }

    public String compoundId() {
        return compoundId;
    }

    public String developerName() {
        return developerName;
    }

    public List<Owner> owners() {
        return List.copyOf(owners);
    }

    public List<Unit> units() {
        return List.copyOf(units);
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String updatedBy() {
        return updatedBy;
    }

    public Long version() {
        return version;
    }

    /**
     * An owner (业主) as registered.
     *
     * @param accountId       the owner's Linli account, to vote with it; {@code null} votes on paper only
     * @param committeeMember whether the owner sits on the owners' committee (业委会)
     */
    public record Owner(String id, String name, String accountId, boolean committeeMember) {

        public Owner {
            Objects.requireNonNull(id);
            Objects.requireNonNull(name);
        }
    }

    /**
     * An exclusive unit (专有部分).
     *
     * @param number        e.g. {@code 3-2-501}
     * @param areaCm2       its exclusive area in square centimetres
     * @param ownerId       its owner, {@code null} for the developer's unit
     * @param developerHeld the developer's unsold or undelivered unit
     */
    public record Unit(String number, long areaCm2, String ownerId, boolean developerHeld) {

        public Unit {
            Objects.requireNonNull(number);
            if (areaCm2 <= 0) {
                throw new BusinessRuleViolation("invalid-area", "an exclusive area is positive", number, areaCm2);
            }
        }
    }

    /**
     * One owner by the headcount rule, with the area of all their units.
     *
     * @param key       the owner's id, or {@value #DEVELOPER}
     * @param accountId the account they vote with, if any
     */
    public record Voter(String key, String name, String accountId, int units, long areaCm2) {

        Voter with(long unitArea) {
            return new Voter(key, name, accountId, units + 1, areaCm2 + unitArea);
        }
    }
}
