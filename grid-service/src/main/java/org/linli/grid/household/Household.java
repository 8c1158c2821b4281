package org.linli.grid.household;

import org.linli.platform.domain.MobileNumber;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.linli.events.grid.HouseholdRegistered;
import org.linli.platform.messaging.AggregateRoot;
import org.linli.platform.protection.SensitiveText;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.domain.NewIds;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A household (住户) in a unit (单元) of a building. It is a key household (重点户) when it belongs to any
 * {@link SpecialGroup}; only then may a party member or unit leader be linked to it (结对联系), and its
 * revisits (走访) count towards the revisit rate. {@code gridId}, {@code gridPath} and {@code communityPath}
 * are copied from the building. The phone number is personal data: it is never put in an event, a log
 * line or an exception message, and is stored encrypted ({@link SensitiveText}; docs/protection.md).
 */
@Document("households")
public class Household extends AggregateRoot {

    static final int MIN_RESIDENTS = 1;
    static final int MAX_RESIDENTS = 20;
    static final int MAX_TEXT_LENGTH = 100;
    static final int MAX_NOTE_LENGTH = 1000;

    @Id
    private String id;
    @Indexed
    private String buildingId;
    private String buildingUnit;
    private String room;
    private int residents;
    private String headName;
    private SensitiveText phone;
    private Set<SpecialGroup> specialGroups = EnumSet.noneOf(SpecialGroup.class);
    private String linkedMemberId;
    private List<Revisit> revisits = new ArrayList<>();
    @Indexed
    private String gridId;
    @Indexed
    private String gridPath;
    @Indexed
    private String communityPath;
    private Instant createdAt;
    private Instant updatedAt;
    @Indexed(unique = true, sparse = true)
    private String registerId;
    @Indexed(sparse = true)
    private String importBatchId;

    protected Household() {
        // for the mapping layer
    }

    private Household(String id, Building building, String buildingUnit, String room, int residents, String headName,
                      String phone, Set<SpecialGroup> specialGroups, String linkedMemberId, Instant now) {
        this.id = id;
        this.buildingId = building.id();
        this.buildingUnit = buildingUnit;
        this.room = room;
        this.residents = residents;
        this.headName = headName;
        this.phone = SensitiveText.of(phone);
        this.specialGroups = specialGroups;
        this.linkedMemberId = linkedMemberId;
        this.gridId = building.gridId();
        this.gridPath = building.gridPath();
        this.communityPath = building.communityPath();
        this.createdAt = now;
        this.updatedAt = now;
        recordEvent(id, new HouseholdRegistered(id, buildingId, gridId, residents,
                specialGroups.stream().map(SpecialGroup::name).toList()), now);
    }

    /**
     * Registers a household in one of {@code building}'s units (422 {@code unknown-building-unit}) with 1 to 20
     * residents (422 {@code invalid-residents}); a linked member needs a special group (422 {@code not-a-key-household}).
     */
    static Household register(Building building, String buildingUnit, String room, int residents, String headName,
                              String phone, Set<SpecialGroup> specialGroups, String linkedMemberId, Instant now) {
        return create(NewIds.next(), building, buildingUnit, room, residents, headName, phone,
                specialGroups, linkedMemberId, now);
    }

    private static Household create(String id, Building building, String buildingUnit, String room, int residents,
                                    String headName, String phone, Set<SpecialGroup> specialGroups,
                                    String linkedMemberId, Instant now) {
        if (buildingUnit == null || !building.hasUnit(buildingUnit)) {
            throw new BusinessRuleViolation("unknown-building-unit", "building " + building.name() + " has no unit "
                    + buildingUnit, building.name(), buildingUnit, String.join(", ", building.units()));
        }
        Set<SpecialGroup> groups = groups(specialGroups);
        String link = blankToNull(linkedMemberId);
        checkLink(groups, link);
        return new Household(id, building, buildingUnit.strip(), text(room, "room"), residents(residents),
                text(headName, "head-name"), phone(phone), groups, link, now);
    }

    /**
     * A household from an external register (户籍/人口库), under the same rules as {@link #register}. Its id is
     * derived from {@code registerId}, so the same register entry imported twice is the same document and the
     * {@code _id} index refuses the second; {@code batchId} names the import request that brought it.
     */
    static Household fromRegister(String registerId, String batchId, Building building, String buildingUnit,
                                  String room, int residents, String headName, String phone,
                                  Set<SpecialGroup> specialGroups, Instant now) {
        return fromRegister(registerId, batchId, building, buildingUnit, room, residents, headName, phone,
                specialGroups, null, now);
    }

    /** {@link #fromRegister} with a linked member, as a sheet row may name one. */
    static Household fromRegister(String registerId, String batchId, Building building, String buildingUnit,
                                  String room, int residents, String headName, String phone,
                                  Set<SpecialGroup> specialGroups, String linkedMemberId, Instant now) {
        Household household = create(idForRegister(registerId), building, buildingUnit, room, residents, headName,
                phone, specialGroups, linkedMemberId, now);
        household.registerId = registerId;
        household.importBatchId = batchId;
        return household;
    }

    /**
     * A household of a sheet row without a register id: {@link #register} with the id of {@link NewIds#next()} (so a
     * keyed retry computes it again) and the import request's {@code batchId}.
     */
    static Household imported(String batchId, Building building, String buildingUnit, String room, int residents,
                              String headName, String phone, Set<SpecialGroup> specialGroups, String linkedMemberId,
                              Instant now) {
        Household household = register(building, buildingUnit, room, residents, headName, phone, specialGroups,
                linkedMemberId, now);
        household.importBatchId = batchId;
        return household;
    }

    /** The household id of an external register entry: the same on every instance and every run. */
    static String idForRegister(String registerId) {
        return UUID.nameUUIDFromBytes(("household-register:" + registerId).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
    }

    /**
     * Sets the special groups and the linked member; {@code null} leaves one as it is, a blank member id unlinks.
     * A household left without special groups may not stay linked (422 {@code not-a-key-household}).
     */
    void classify(Set<SpecialGroup> newGroups, String newLinkedMemberId, Instant now) {
        Set<SpecialGroup> groups = newGroups == null ? specialGroups : groups(newGroups);
        String link = newLinkedMemberId == null ? linkedMemberId : blankToNull(newLinkedMemberId);
        checkLink(groups, link);
        specialGroups = groups;
        linkedMemberId = link;
        updatedAt = now;
    }

    /** Records a visit (走访) by a grid worker, party member or cadre. */
    Revisit revisit(String byName, String note, Instant at) {
        if (byName == null || byName.isBlank() || byName.strip().length() > MAX_TEXT_LENGTH) {
            throw new BusinessRuleViolation("invalid-revisit", "a revisit names its visitor in 1 to 100 characters");
        }
        if (note != null && note.length() > MAX_NOTE_LENGTH) {
            throw new BusinessRuleViolation("invalid-revisit", "a revisit note has at most 1000 characters");
        }
        Revisit revisit = new Revisit(at, byName.strip(), note == null || note.isBlank() ? null : note.strip());
        revisits.add(revisit);
        updatedAt = at;
        return revisit;
    }

    /** A key household (重点户) belongs to at least one special group. */
    public boolean isKey() {
        return !specialGroups.isEmpty();
    }

    /** Whether it was visited at or after {@code since}. */
    boolean revisitedSince(Instant since) {
        return revisits.stream().anyMatch(revisit -> !revisit.at().isBefore(since));
    }

    private static void checkLink(Set<SpecialGroup> groups, String link) {
        if (link != null && groups.isEmpty()) {
            throw new BusinessRuleViolation("not-a-key-household",
                    "only a household with a special group can have a linked member");
        }
    }

    private static Set<SpecialGroup> groups(Set<SpecialGroup> groups) {
        return groups == null || groups.isEmpty() ? EnumSet.noneOf(SpecialGroup.class) : EnumSet.copyOf(groups);
    }

    private static int residents(int residents) {
        if (residents < MIN_RESIDENTS || residents > MAX_RESIDENTS) {
            throw new BusinessRuleViolation("invalid-residents", "a household has 1 to 20 residents", residents);
        }
        return residents;
    }

    private static String text(String value, String what) {
        if (value == null || value.isBlank() || value.strip().length() > MAX_TEXT_LENGTH) {
            throw new BusinessRuleViolation("invalid-household", "the " + what + " has 1 to 100 characters", what);
        }
        return value.strip();
    }

    /** An 11-digit mainland mobile number or nothing; the refusal does not repeat the number. */
    private static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        return new MobileNumber(phone.strip()).value();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** {@code 13812345678} as {@code 138****5678}. */
    static String masked(String phone) {
        return MobileNumber.mask(phone);
    }

    public String id() {
        return id;
    }

    public String buildingId() {
        return buildingId;
    }

    public String buildingUnit() {
        return buildingUnit;
    }

    public String room() {
        return room;
    }

    public int residents() {
        return residents;
    }

    public String headName() {
        return headName;
    }

    String phone() {
        return SensitiveText.valueOf(phone);
    }

    public Set<SpecialGroup> specialGroups() {
        return Collections.unmodifiableSet(specialGroups);
    }

    public String linkedMemberId() {
        return linkedMemberId;
    }

    public List<Revisit> revisits() {
        return Collections.unmodifiableList(revisits);
    }

    public String gridId() {
        return gridId;
    }

    public String gridPath() {
        return gridPath;
    }

    public String communityPath() {
        return communityPath;
    }

    /** The external register's id of an imported household, {@code null} for one registered here. */
    public String registerId() {
        return registerId;
    }

    String importBatchId() {
        return importBatchId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    @Override
    public String toString() {
        return "Household[" + id + "]";
    }

    /** A visit to the household. */
    public record Revisit(Instant at, String byName, String note) {
    }
}
