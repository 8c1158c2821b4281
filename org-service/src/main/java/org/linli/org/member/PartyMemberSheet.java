package org.linli.org.member;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.linli.platform.sheets.SheetColumn;
import org.linli.platform.sheets.SheetLayout;
import org.linli.platform.sheets.SheetRow;
import org.linli.platform.domain.BusinessRuleViolation;

/**
 * The party members roster as a sheet (党员花名册): its columns, a member as a row, a row as a registration. A person
 * is known by the ID number (its keyed hash is unique), so the roster has no id column: an exported sheet imported
 * again is refused row by row as already registered.
 */
final class PartyMemberSheet {

    static final SheetLayout LAYOUT = new SheetLayout("党员", List.of(
            SheetColumn.text("name", "姓名", true, "王建国"),
            SheetColumn.text("idNumber", "身份证号", true, "420602198001011017"),
            SheetColumn.text("phone", "联系电话", false, "13871234567"),
            SheetColumn.text("kind", "党员类别", true, MemberKind.RESIDENT.label()),
            SheetColumn.text("branchId", "所属支部编号", true, "（组织列表中的支部编号）"),
            SheetColumn.text("groupId", "党小组编号", false, null),
            SheetColumn.text("workUnit", "工作单位（在职党员）", false, null),
            SheetColumn.text("residenceCommunityId", "报到社区编号（在职党员）", false, null),
            SheetColumn.date("registeredOn", "报到日期（在职党员）", false, null),
            SheetColumn.text("buildingId", "楼栋编号", false, null),
            SheetColumn.text("buildingUnitRef", "单元编号", false, null),
            SheetColumn.text("duty", "职务", false, "支部书记")));

    private static final Map<String, String> FIELD_BY_CODE = Map.ofEntries(
            Map.entry("invalid-id-number", "idNumber"), Map.entry("invalid-phone", "phone"),
            Map.entry("invalid-member-name", "name"), Map.entry("unknown-member-kind", "kind"),
            Map.entry("invalid-branch", "branchId"), Map.entry("invalid-group", "groupId"),
            Map.entry("invalid-residence-community", "residenceCommunityId"),
            Map.entry("dual-registration-required", "workUnit"), Map.entry("dual-registration-not-applicable", "workUnit"),
            Map.entry("already-registered", "idNumber"), Map.entry("duplicate-in-sheet", "idNumber"));

    private PartyMemberSheet() {
    }

    /** The row as a registration; 422 {@code unknown-member-kind} for a kind that is neither label nor name. */
    static PartyMember.Registration registration(SheetRow row) {
        String work = row.text("workUnit");
        String community = row.text("residenceCommunityId");
        LocalDate on = row.date("registeredOn");
        DualRegistration dual = work == null && community == null && on == null ? null
                : new DualRegistration(work, community, on);
        return new PartyMember.Registration(row.text("name"), row.text("idNumber"), row.text("phone"),
                kind(row.text("kind")), dual, row.text("buildingId"), row.text("buildingUnitRef"), row.text("duty"), null);
    }

    /** The member as a row, with the ID number and phone as given (masked or in full, as the caller may see them). */
    static Map<String, Object> row(PartyMember member, String idNumber, String phone) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", member.name());
        values.put("idNumber", idNumber);
        put(values, "phone", phone);
        values.put("kind", member.kind().label());
        values.put("branchId", member.branchId());
        put(values, "groupId", member.groupId());
        DualRegistration dual = member.dualRegistration();
        if (dual != null) {
            put(values, "workUnit", dual.workUnit());
            put(values, "residenceCommunityId", dual.residenceCommunityId());
            put(values, "registeredOn", dual.registeredOn());
        }
        put(values, "buildingId", member.buildingId());
        put(values, "buildingUnitRef", member.buildingUnitRef());
        put(values, "duty", member.duty());
        return values;
    }

    /** The column a refusal of {@code row} points at, {@code null} for the row as a whole. */
    static String fieldOf(SheetRow row, BusinessRuleViolation refusal) {
        if ("unknown-unit".equals(refusal.code())) {
            Object unitId = refusal.arguments().length == 0 ? null : refusal.arguments()[0];
            return Stream.of("branchId", "groupId", "residenceCommunityId")
                    .filter(field -> unitId != null && unitId.equals(row.text(field))).findFirst().orElse(null);
        }
        return FIELD_BY_CODE.get(refusal.code());
    }

    private static MemberKind kind(String text) {
        return Arrays.stream(MemberKind.values())
                .filter(kind -> kind.label().equals(text) || kind.name().equalsIgnoreCase(text))
                .findFirst()
                .orElseThrow(() -> new BusinessRuleViolation("unknown-member-kind", "kinds are 住户党员 and 在职党员"));
    }

    private static void put(Map<String, Object> values, String field, Object value) {
        if (value != null) {
            values.put(field, value);
        }
    }
}
