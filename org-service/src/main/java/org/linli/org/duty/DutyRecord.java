package org.linli.org.duty;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.linli.org.unit.ScopePath;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.domain.NewIds;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A duty done (履职记录) by the holder of a duty role, recorded by them or by an admin for them: a kind of their quota,
 * the day it was done (today or within the last {@value #MAX_AGE_DAYS} days), a note and where (a household or a
 * place, as text). It keeps the holder's unit path and the month, by which the reports read it.
 */
@Document("duty_records")
@CompoundIndex(name = "unitPath_month", def = "{'unitPath': 1, 'month': 1}") // a community's report
@CompoundIndex(name = "holderId_month", def = "{'holderId': 1, 'month': 1}") // a person's report
public class DutyRecord {

    static final int MAX_AGE_DAYS = 31;
    static final int MAX_NOTE = 500;
    static final int MAX_PLACE = 100;

    @Id
    private String id;
    private String holderId;
    private DutyRole role;
    private String kind;
    private String label;
    private LocalDate doneOn;
    private String month;
    private String unitId;
    @ScopePath
    private String unitPath;
    private String note;
    private String place;
    private String recordedBy;
    private Instant recordedAt;

    protected DutyRecord() {
        // for the mapping layer
    }

    /**
     * A duty of {@code holder}'s role done on {@code doneOn}: refused in the future, older than
     * {@value #MAX_AGE_DAYS} days, or of a kind {@code quota} (the one that applies to the holder, {@code null} for
     * none) does not list for that month.
     */
    static DutyRecord record(DutyAssignment holder, DutyQuota quota, String kind, LocalDate doneOn, String note,
                             String place, String by, LocalDate today, Instant now) {
        if (doneOn.isAfter(today)) {
            throw new BusinessRuleViolation("duty-date-in-future", "a duty is recorded once done, not before: "
                    + doneOn, doneOn.toString());
        }
        if (doneOn.isBefore(today.minusDays(MAX_AGE_DAYS))) {
            throw new BusinessRuleViolation("duty-date-too-old", "a duty is recorded within " + MAX_AGE_DAYS
                    + " days: " + doneOn, MAX_AGE_DAYS);
        }
        if (quota == null) {
            throw new BusinessRuleViolation("no-duty-quota", "no duty quota for " + holder.role() + " covers unit "
                    + holder.unitId(), holder.role().label());
        }
        DutyItem item = quota.item(kind, YearMonth.from(doneOn)).orElseThrow(() -> new BusinessRuleViolation(
                "duty-kind-not-in-quota", "the quota of " + holder.role() + " has no duty " + kind + " in "
                + YearMonth.from(doneOn), kind));
        DutyRecord record = new DutyRecord();
        record.id = NewIds.next();
        record.holderId = holder.accountId();
        record.role = holder.role();
        record.kind = item.kind();
        record.label = item.label();
        record.doneOn = doneOn;
        record.month = YearMonth.from(doneOn).toString();
        record.unitId = holder.unitId();
        record.unitPath = holder.unitPath();
        record.note = note;
        record.place = place;
        record.recordedBy = by;
        record.recordedAt = now;
        return record;
    }

    /** What the completion counts of it. */
    DutyCompletion.Done done() {
        return new DutyCompletion.Done(role, kind, YearMonth.parse(month));
    }

    public String id() {
        return id;
    }

    public String holderId() {
        return holderId;
    }

    public DutyRole role() {
        return role;
    }

    public String kind() {
        return kind;
    }

    public String label() {
        return label;
    }

    public LocalDate doneOn() {
        return doneOn;
    }

    public String month() {
        return month;
    }

    public String unitId() {
        return unitId;
    }

    public String unitPath() {
        return unitPath;
    }

    public String note() {
        return note;
    }

    public String place() {
        return place;
    }

    public String recordedBy() {
        return recordedBy;
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}
