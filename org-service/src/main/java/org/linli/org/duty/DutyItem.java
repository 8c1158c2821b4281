package org.linli.org.duty;

import java.util.regex.Pattern;
import org.linli.platform.domain.BusinessRuleViolation;

/**
 * One line of a duty quota: a kind of duty (code and label), how many are due and per which period
 * ("监督环境卫生, 4 per month").
 *
 * @param kind   UPPER_SNAKE code the records name (SUPERVISE_SANITATION)
 * @param label  what a screen shows (监督环境卫生)
 * @param count  how many are due per period, 1 to {@value #MAX_COUNT}
 * @param period the period the count is due in
 */
public record DutyItem(String kind, String label, int count, DutyPeriod period) {

    static final int MAX_COUNT = 100;
    static final int MAX_LABEL = 60;
    private static final Pattern KIND = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

    public DutyItem {
        if (kind == null || !KIND.matcher(kind).matches()) {
            throw new BusinessRuleViolation("invalid-duty-item", "a duty kind is an UPPER_SNAKE code of 2 to 40 "
                    + "characters: " + kind, kind);
        }
        if (label == null || label.isBlank() || label.length() > MAX_LABEL) {
            throw new BusinessRuleViolation("invalid-duty-item", "duty " + kind + " needs a label of up to "
                    + MAX_LABEL + " characters", kind);
        }
        if (count < 1 || count > MAX_COUNT || period == null) {
            throw new BusinessRuleViolation("invalid-duty-item", "duty " + kind + " is due 1 to " + MAX_COUNT
                    + " times per MONTH or QUARTER", kind);
        }
        label = label.strip();
    }
}
