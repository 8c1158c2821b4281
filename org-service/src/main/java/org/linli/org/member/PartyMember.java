package org.linli.org.member;

import org.linli.platform.domain.MobileNumber;
import org.linli.org.unit.ScopePath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.linli.events.org.PartyMemberHouseholdLinked;
import org.linli.events.org.PartyMemberHouseholdUnlinked;
import org.linli.events.org.PartyMemberRegistered;
import org.linli.events.org.PartyMemberTransferred;
import org.linli.org.unit.OrgUnitDirectory.UnitView;
import org.linli.org.unit.OrgUnitType;
import org.linli.platform.messaging.AggregateRoot;
import org.linli.platform.protection.KeyedHashOf;
import org.linli.platform.protection.SensitiveText;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.domain.NewIds;
import org.linli.platform.domain.NotFoundException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A party member registered with a party organisation (DOMAIN.md §1): attached to a branch (and
 * optionally a building group and a building), showing its identity publicly (亮身份: name and duty),
 * looking after one or two ordinary households (包联), and, as a unit leader (单元长), the
 * special-group households of its building unit. {@code unitPath} copies the branch's path so that
 * scope queries are one prefix match. The identity-card number and phone are personal data: they
 * never leave in events, are masked for everyone but the admins over the member, and are stored
 * encrypted ({@link SensitiveText}; docs/protection.md).
 */
@Document("party_members")
public class PartyMember extends AggregateRoot {

    static final int MAX_NAME_LENGTH = 50;
    static final int MAX_ORDINARY_LINKS = 2;
    private static final Set<OrgUnitType> NOT_A_BRANCH = EnumSet.of(OrgUnitType.BUILDING_GROUP,
            OrgUnitType.CENTRAL_HOUSEHOLD);

    /** 在册 / 已转出 */
    public enum Status { ACTIVE, TRANSFERRED_OUT }

    /**
     * What a registration says about the person.
     *
     * @param dualRegistration required for an in-service member, absent for a resident member
     * @param buildingId       the building (grid-service) the member lives in, optional
     * @param buildingUnitRef  the building unit (grid-service) the member lives in; required for a unit leader
     * @param duty             what the public board shows beside the name (支部书记, 楼栋长…), optional
     */
    public record Registration(String name, String idNumber, String phone, MemberKind kind,
                               DualRegistration dualRegistration, String buildingId, String buildingUnitRef,
                               String duty, String accountId) {

        /** Without the ID number and phone, so a registration never puts them in a log line. */
        @Override
        public String toString() {
            return "Registration[" + name + ", " + kind + "]";
        }
    }

    @Id
    private String id;
    private String name;
    private SensitiveText idNumber;
    /** The keyed hash of {@code idNumber} (stored encrypted): unique, so a person is registered once. */
    @Indexed(unique = true, sparse = true)
    @KeyedHashOf("idNumber")
    private String idNumberHash;
    private SensitiveText phone;
    private MemberKind kind;
    private DualRegistration dualRegistration;
    @Indexed
    private String branchId;
    @Indexed // the public board and the active-members check ($or with branchId/unitPath)
    private String groupId;
    @ScopePath
    @Indexed
    private String unitPath;
    private String buildingId;
    @Indexed // one unit leader per building unit
    private String buildingUnitRef;
    private boolean unitLeader;
    private String duty;
    private String accountId;
    private Status status;
    private List<Transfer> transfers = new ArrayList<>();
    private List<HouseholdLink> householdLinks = new ArrayList<>();
    private Instant registeredAt;
    private Instant updatedAt;

    protected PartyMember() {
        // for the mapping layer
    }

    private PartyMember(Registration registration, UnitView branch, UnitView group, Instant now) {
        this.id = NewIds.next();
        this.name = validName(registration.name());
        this.idNumber = SensitiveText.of(new IdNumber(registration.idNumber()).value());
        this.phone = registration.phone() == null ? null : SensitiveText.of(new MobileNumber(registration.phone()).value());
        this.kind = Objects.requireNonNull(registration.kind());
        this.dualRegistration = validDualRegistration(kind, registration.dualRegistration());
        this.branchId = branch.id();
        this.groupId = group == null ? null : group.id();
        this.unitPath = branch.path();
        this.buildingId = registration.buildingId();
        this.buildingUnitRef = registration.buildingUnitRef();
        this.duty = registration.duty();
        this.accountId = registration.accountId();
        this.status = Status.ACTIVE;
        this.registeredAt = now;
        this.updatedAt = now;
        recordEvent(id, new PartyMemberRegistered(id, name, kind.name(), branchId, unitPath,
                dualRegistration == null ? null : dualRegistration.residenceCommunityId(), accountId), now);
    }

    /**
     * Registers a member with a branch (a grid branch or another unit members belong to) and
     * optionally one of the branch's building groups; both must be active.
     */
    public static PartyMember register(Registration registration, UnitView branch, UnitView group, Instant now) {
        checkPlacement(branch, group);
        return new PartyMember(registration, branch, group, now);
    }

    /** Makes this member the unit leader (单元长) of the building unit it lives in. */
    public void appointUnitLeader(Instant now) {
        requireActive();
        if (buildingUnitRef == null || buildingUnitRef.isBlank()) {
            throw new BusinessRuleViolation("building-unit-required", "a unit leader needs the building unit it lives in");
        }
        unitLeader = true;
        updatedAt = now;
    }

    /**
     * Moves the member's organisational relation to another branch (and optionally one of its
     * groups), keeping the history.
     */
    public void transferTo(UnitView toBranch, UnitView toGroup, String reason, Instant now) {
        requireActive();
        checkPlacement(toBranch, toGroup);
        String toGroupId = toGroup == null ? null : toGroup.id();
        if (toBranch.id().equals(branchId) && Objects.equals(toGroupId, groupId)) {
            throw new BusinessRuleViolation("transfer-to-same-unit", "the member already belongs to this unit",
                    toBranch.name());
        }
        transfers.add(new Transfer(branchId, toBranch.id(), now, reason));
        String fromUnitId = branchId;
        String oldPath = unitPath;
        branchId = toBranch.id();
        groupId = toGroupId;
        unitPath = toBranch.path();
        updatedAt = now;
        recordEvent(id, new PartyMemberTransferred(id, fromUnitId, branchId, oldPath, unitPath), now);
    }

    /** Links an ordinary household (包联): at most {@value #MAX_ORDINARY_LINKS}, each household once. */
    public void linkHousehold(String householdId, Instant now) {
        requireActive();
        requireNotLinked(householdId);
        long ordinary = householdLinks.stream().filter(link -> !link.special()).count();
        if (ordinary >= MAX_ORDINARY_LINKS) {
            throw new BusinessRuleViolation("household-link-limit",
                    "a member looks after at most " + MAX_ORDINARY_LINKS + " ordinary households", MAX_ORDINARY_LINKS);
        }
        addLink(new HouseholdLink(householdId, null, null, now), now);
    }

    /**
     * Links a special-group household: only a unit leader holds such links, and only for households
     * of its own building unit. They do not count against the ordinary limit.
     */
    public void linkSpecialHousehold(String householdId, SpecialGroup group, String householdBuildingUnitRef,
                                     Instant now) {
        requireActive();
        requireNotLinked(householdId);
        if (!unitLeader) {
            throw new BusinessRuleViolation("not-a-unit-leader",
                    "only a unit leader looks after special-group households", name);
        }
        if (group == null) {
            throw new BusinessRuleViolation("special-group-required", "a special-group link names the group");
        }
        if (!buildingUnitRef.equals(householdBuildingUnitRef)) {
            throw new BusinessRuleViolation("outside-building-unit",
                    "a unit leader looks after special-group households of its own building unit only",
                    householdBuildingUnitRef == null ? "-" : householdBuildingUnitRef, buildingUnitRef);
        }
        addLink(new HouseholdLink(householdId, group, householdBuildingUnitRef, now), now);
    }

    public void unlinkHousehold(String householdId, Instant now) {
        requireActive();
        if (!householdLinks.removeIf(link -> link.householdId().equals(householdId))) {
            throw new NotFoundException("household-link", householdId);
        }
        updatedAt = now;
        recordEvent(id, new PartyMemberHouseholdUnlinked(id, householdId), now);
    }

    private void addLink(HouseholdLink link, Instant now) {
        householdLinks.add(link);
        updatedAt = now;
        recordEvent(id, new PartyMemberHouseholdLinked(id, link.householdId(), link.special()), now);
    }

    private void requireNotLinked(String householdId) {
        if (householdLinks.stream().anyMatch(link -> link.householdId().equals(householdId))) {
            throw new BusinessRuleViolation("household-already-linked", "the member already looks after this household",
                    householdId);
        }
    }

    private void requireActive() {
        if (status != Status.ACTIVE) {
            throw new BusinessRuleViolation("member-not-active", "the member has been transferred out", name);
        }
    }

    private static void checkPlacement(UnitView branch, UnitView group) {
        requireActiveUnit(branch);
        if (NOT_A_BRANCH.contains(branch.type())) {
            throw new BusinessRuleViolation("invalid-branch", "members belong to a branch, not to a " + branch.type(),
                    branch.type().label());
        }
        if (group != null) {
            requireActiveUnit(group);
            if (group.type() != OrgUnitType.BUILDING_GROUP || !group.path().startsWith(branch.path())) {
                throw new BusinessRuleViolation("invalid-group", "the group must be a building group under the branch",
                        group.name(), branch.name());
            }
        }
    }

    private static void requireActiveUnit(UnitView unit) {
        if (!unit.active()) {
            throw new BusinessRuleViolation("unit-inactive", "the unit is deactivated", unit.name());
        }
    }

    private static DualRegistration validDualRegistration(MemberKind kind, DualRegistration registration) {
        if (kind == MemberKind.IN_SERVICE && (registration == null || !registration.complete())) {
            throw new BusinessRuleViolation("dual-registration-required",
                    "an in-service member registers at its residence community: work unit, community and date");
        }
        if (kind == MemberKind.RESIDENT && registration != null) {
            throw new BusinessRuleViolation("dual-registration-not-applicable",
                    "only an in-service member has a dual registration");
        }
        return registration;
    }

    private static String validName(String name) {
        if (name == null || name.isBlank() || name.strip().length() > MAX_NAME_LENGTH) {
            throw new BusinessRuleViolation("invalid-member-name", "a member's name has 1 to " + MAX_NAME_LENGTH
                    + " characters", MAX_NAME_LENGTH);
        }
        return name.strip();
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public IdNumber idNumber() {
        return new IdNumber(idNumber.value());
    }

    /** The mobile number, or {@code null} when none was given. */
    public MobileNumber phone() {
        return phone == null ? null : new MobileNumber(phone.value());
    }

    public MemberKind kind() {
        return kind;
    }

    /** The 双报到 registration of an in-service member, {@code null} for a resident member. */
    public DualRegistration dualRegistration() {
        return dualRegistration;
    }

    public String branchId() {
        return branchId;
    }

    public String groupId() {
        return groupId;
    }

    public String unitPath() {
        return unitPath;
    }

    public String buildingId() {
        return buildingId;
    }

    public String buildingUnitRef() {
        return buildingUnitRef;
    }

    public boolean isUnitLeader() {
        return unitLeader;
    }

    /** The member's Linli login account, {@code null} when none was given at registration. */
    public String accountId() {
        return accountId;
    }

    public String duty() {
        return duty;
    }

    public Status status() {
        return status;
    }

    public List<Transfer> transfers() {
        return List.copyOf(transfers);
    }

    public List<HouseholdLink> householdLinks() {
        return List.copyOf(householdLinks);
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
