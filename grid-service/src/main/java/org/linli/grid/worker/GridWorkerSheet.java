package org.linli.grid.worker;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.linli.grid.worker.GridWorker.Appointee;
import org.linli.platform.sheets.SheetColumn;
import org.linli.platform.sheets.SheetLayout;
import org.linli.platform.sheets.SheetRow;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.domain.MobileNumber;

/**
 * The grid workers roster as a sheet (网格员花名册): its columns, an appointment as a row, a row as an appointee. An
 * appointment is known by its grid and role (one active per pair), so the roster has no id column: an exported sheet
 * imported again is refused row by row with {@code grid-has-worker}.
 */
final class GridWorkerSheet {

    static final SheetLayout LAYOUT = new SheetLayout("网格员", List.of(
            SheetColumn.text("gridId", "网格编号", true, "（网格列表中的编号）"),
            SheetColumn.text("role", "岗位", true, WorkerRole.GRID_WORKER.label()),
            SheetColumn.text("name", "姓名", true, "李梅"),
            SheetColumn.text("phone", "联系电话", true, "13912345678"),
            SheetColumn.text("source", "人员来源", true, WorkerSource.CADRE.label()),
            SheetColumn.text("partyMember", "是否党员", false, "是"),
            SheetColumn.date("from", "任职日期", false, null)));

    private static final Map<String, String> FIELD_BY_CODE = Map.of("unknown-grid", "gridId",
            "unknown-worker-role", "role", "invalid-person-name", "name", "invalid-phone", "phone",
            "unknown-worker-source", "source", "invalid-party-member", "partyMember", "grid-has-worker", "role",
            "grid-role-twice-in-sheet", "role");

    private GridWorkerSheet() {
    }

    static WorkerRole role(SheetRow row) {
        return named(WorkerRole.values(), WorkerRole::label, row.text("role"), "unknown-worker-role");
    }

    /** The row's person; the phone checked as {@code POST /} checks it (an 11-digit mobile number). */
    static Appointee appointee(SheetRow row) {
        String phone = new MobileNumber(row.text("phone")).value();
        WorkerSource source = named(WorkerSource.values(), WorkerSource::label, row.text("source"),
                "unknown-worker-source");
        return new Appointee(row.text("name"), phone, source, partyMember(row.text("partyMember")), null);
    }

    /** The appointment as a row, with the phone as given (masked or in full, as the caller may see it). */
    static Map<String, Object> row(GridWorker worker, String phone) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("gridId", worker.gridId());
        values.put("role", worker.role().label());
        values.put("name", worker.personName());
        values.put("phone", phone);
        values.put("source", worker.source().label());
        values.put("partyMember", worker.partyMember() ? "是" : "否");
        values.put("from", worker.from());
        return values;
    }

    static String fieldOf(BusinessRuleViolation refusal) {
        return FIELD_BY_CODE.get(refusal.code());
    }

    private static boolean partyMember(String text) {
        if (text == null || text.equals("否") || text.equalsIgnoreCase("false")) {
            return false;
        }
        if (text.equals("是") || text.equalsIgnoreCase("true")) {
            return true;
        }
        throw new BusinessRuleViolation("invalid-party-member", "是否党员 is 是 or 否");
    }

    /** The value whose label or name is {@code text}; 422 {@code code} otherwise. */
    private static <E extends Enum<E>> E named(E[] values, Function<E, String> label, String text, String code) {
        return Arrays.stream(values).filter(value -> label.apply(value).equals(text) || value.name().equalsIgnoreCase(text))
                .findFirst().orElseThrow(() -> new BusinessRuleViolation(code, "not a known value"));
    }
}
