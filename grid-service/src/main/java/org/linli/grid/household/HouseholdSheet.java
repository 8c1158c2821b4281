package org.linli.grid.household;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.linli.platform.sheets.SheetColumn;
import org.linli.platform.sheets.SheetLayout;
import org.linli.platform.domain.BusinessRuleViolation;

/**
 * The households roster as a sheet (住户花名册): its columns, a household as a row and a row's special groups.
 * 外部编号 is the register id: an imported row with one becomes the household of that register entry (the same
 * entry twice is refused); an exported household carries its register id, or its Linli id when it has none, so
 * an exported sheet imported again is refused row by row as already registered instead of doubling households.
 */
final class HouseholdSheet {

    static final SheetLayout LAYOUT = new SheetLayout("住户", List.of(
            SheetColumn.text("registerId", "外部编号", false, "HJ-2026-0001"),
            SheetColumn.text("buildingId", "楼栋编号", true, "（楼栋列表中的编号）"),
            SheetColumn.text("buildingUnit", "单元", true, "1"),
            SheetColumn.text("room", "房号", true, "101"),
            SheetColumn.text("headName", "户主姓名", true, "张三"),
            SheetColumn.integer("residents", "居住人数", true, 3),
            SheetColumn.text("phone", "联系电话", false, "13812345678"),
            SheetColumn.text("specialGroups", "特殊群体", false, "独居老人、困难家庭"),
            SheetColumn.text("linkedMemberId", "结对党员编号", false, null)));

    /** What a refusal's code says about which column is at fault. */
    private static final Map<String, String> FIELD_BY_CODE = Map.of(
            "unknown-building", "buildingId", "unknown-building-unit", "buildingUnit",
            "invalid-residents", "residents", "invalid-phone", "phone", "not-a-key-household", "linkedMemberId",
            "unknown-special-group", "specialGroups", "already-registered", "registerId",
            "duplicate-in-sheet", "registerId", "invalid-field", "registerId");

    private HouseholdSheet() {
    }

    /** The household as a row; the phone as given ({@code null}, masked or in full, as the caller may see it). */
    static Map<String, Object> row(Household household, String phone) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("registerId", household.registerId() != null ? household.registerId() : household.id());
        values.put("buildingId", household.buildingId());
        values.put("buildingUnit", household.buildingUnit());
        values.put("room", household.room());
        values.put("headName", household.headName());
        values.put("residents", household.residents());
        if (phone != null) {
            values.put("phone", phone);
        }
        if (household.isKey()) {
            values.put("specialGroups", household.specialGroups().stream().sorted().map(SpecialGroup::label)
                    .collect(Collectors.joining("、")));
        }
        if (household.linkedMemberId() != null) {
            values.put("linkedMemberId", household.linkedMemberId());
        }
        return values;
    }

    /**
     * Special groups by their label (独居老人) or name (ELDERLY_ALONE), separated by 、，, ; or spaces; 422
     * {@code unknown-special-group} for anything else.
     */
    static Set<SpecialGroup> groups(String text) {
        Set<SpecialGroup> groups = EnumSet.noneOf(SpecialGroup.class);
        if (text == null) {
            return groups;
        }
        for (String name : text.split("[、，,;；\\s]+")) {
            if (!name.isEmpty()) {
                groups.add(Arrays.stream(SpecialGroup.values())
                        .filter(group -> group.label().equals(name) || group.name().equalsIgnoreCase(name))
                        .findFirst()
                        .orElseThrow(() -> new BusinessRuleViolation("unknown-special-group",
                                "special groups are " + labels(), labels())));
            }
        }
        return groups;
    }

    /** The column a refusal points at, {@code null} for the row as a whole. */
    static String fieldOf(BusinessRuleViolation refusal) {
        if ("invalid-household".equals(refusal.code())) {
            return Arrays.asList(refusal.arguments()).contains("room") ? "room" : "headName";
        }
        return FIELD_BY_CODE.get(refusal.code());
    }

    private static String labels() {
        return Arrays.stream(SpecialGroup.values()).map(SpecialGroup::label).collect(Collectors.joining("、"));
    }
}
