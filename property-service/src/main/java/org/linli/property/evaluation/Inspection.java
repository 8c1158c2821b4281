package org.linli.property.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.linli.platform.domain.BusinessRuleViolation;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A monthly spot check (月抽查) of one inspection item in a compound: deductions with their reasons and the
 * references of the photos taken. The item scores 100 minus the month's deductions for it (never below 0).
 */
@Document("inspections")
public record Inspection(@Id String id, @Indexed String compoundId, @Indexed String communityPath, @Indexed String month,
                         LocalDate inspectedOn, String itemCode, List<Deduction> deductions, String inspectorAccountId,
                         Instant createdAt) {

    static Inspection record(String compoundId, String communityPath, LocalDate inspectedOn, Scheme.Item item,
                             List<Deduction> deductions, String inspector, LocalDate today, Instant now) {
        if (item.scorer() != Scorer.INSPECTION) {
            throw new BusinessRuleViolation("not-an-inspection-item", "item " + item.code() + " is scored by "
                    + item.scorer(), item.code(), item.scorer());
        }
        if (inspectedOn.isAfter(today)) {
            throw new BusinessRuleViolation("inspection-in-future", "an inspection cannot be dated after today");
        }
        List<Deduction> all = deductions == null ? List.of() : List.copyOf(deductions);
        if (all.stream().anyMatch(deduction -> deduction.points() <= 0 || deduction.points() > 100)) {
            throw new BusinessRuleViolation("invalid-deduction", "a deduction is 1 to 100 points");
        }
        return new Inspection(UUID.randomUUID().toString(), compoundId, communityPath,
                YearMonth.from(inspectedOn).toString(), inspectedOn, item.code(), all, inspector, now);
    }

    int points() {
        return deductions.stream().mapToInt(Deduction::points).sum();
    }

    /** Points deducted for a finding, with the photos' references (object-store keys or URLs). */
    public record Deduction(String reason, int points, List<String> photoRefs) {
    }
}
