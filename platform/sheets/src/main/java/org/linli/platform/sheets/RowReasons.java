package org.linli.platform.sheets;

import java.util.List;
import java.util.function.Function;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.web.Problems;

/**
 * Row problems in the caller's language (zh-CN by default, en): a cell problem by {@code problem.<code>.row}, a
 * domain refusal by the same {@code problem.<code>.detail} the single create answers with, after the column's header.
 */
public class RowReasons {

    private final Problems problems;

    public RowReasons(Problems problems) {
        this.problems = problems;
    }

    /**
     * What {@code build} makes of a row, or {@code null} with the row's problems added to {@code problems}: its cell
     * problems (then {@code build} does not run) or the domain's refusal, pointed at the column {@code fieldOf} names.
     */
    public <T> T build(SheetLayout layout, SheetRow row, List<RowProblem> problems, Function<SheetRow, T> build,
                       Function<BusinessRuleViolation, String> fieldOf) {
        if (row.hasProblems()) {
            problems.addAll(localised(layout, row.problems()));
            return null;
        }
        try {
            return build.apply(row);
        } catch (BusinessRuleViolation refused) {
            problems.add(refused(layout, row.number(), fieldOf.apply(refused), refused));
            return null;
        }
    }

    /** The problem of a row the domain refused; {@code field} is the column at fault or {@code null}. */
    public RowProblem refused(SheetLayout layout, int row, String field, BusinessRuleViolation refusal) {
        String detail = problems.message("problem." + refusal.code() + ".detail", refusal.getMessage(),
                refusal.arguments());
        return new RowProblem(row, field, refusal.code(), field == null ? detail : layout.headerOf(field) + "：" + detail);
    }

    /**
     * Each reason localised when a bundle has {@code problem.<code>.row} (arguments: the column's header, the reason as
     * found); otherwise it stays as it is.
     */
    public List<RowProblem> localised(SheetLayout layout, List<RowProblem> rowProblems) {
        return rowProblems.stream().map(problem -> new RowProblem(problem.row(), problem.field(), problem.code(),
                problems.message("problem." + problem.code() + ".row", problem.reason(),
                        layout.headerOf(problem.field()), problem.reason()))).toList();
    }
}
