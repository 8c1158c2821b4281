package org.linli.issue.issue;

import java.time.Instant;
import org.linli.platform.protection.SensitiveText;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Field;

/**
 * Who reported an issue (报告人). The account finds the issue among the resident's; name and phone are personal data:
 * never in events or logs, stored encrypted ({@link SensitiveText}; docs/protection.md), not even stored when the
 * report is anonymous, and removed by retention once the issue ended long ago. Stored flat in the issue's document
 * ({@code @Unwrapped}), under the field names it always had.
 *
 * @param callbackTokenHash the hash of the token a QR reporter without an account follows the issue with
 * @param anonymisedAt      when retention removed name and phone, {@code null} while they are kept
 */
record Reporter(boolean anonymous, @Indexed @Field("reporterAccountId") String accountId,
                @Field("reporterName") String name, @Field("reporterPhone") SensitiveText phone,
                String callbackTokenHash, @Field("reporterAnonymisedAt") Instant anonymisedAt) {

    /**
     * How the store reads it back: a query that projects only some of the issue's fields leaves {@code anonymous}
     * out, and a missing primitive would make the whole issue unreadable (issue-service then failed to start).
     */
    @PersistenceCreator
    static Reporter stored(Boolean anonymous, String accountId, String name, SensitiveText phone,
                           String callbackTokenHash, Instant anonymisedAt) {
        return new Reporter(Boolean.TRUE.equals(anonymous), accountId, name, phone, callbackTokenHash, anonymisedAt);
    }

    /** The reporter of a report made here: name and phone only when it is not anonymous. */
    static Reporter of(Report report) {
        return report.anonymous()
                ? new Reporter(true, report.reporterAccountId(), null, null, report.callbackTokenHash(), null)
                : new Reporter(false, report.reporterAccountId(), report.reporterName(),
                SensitiveText.of(report.reporterPhone()), report.callbackTokenHash(), null);
    }

    /** The reporter of another system's record: no account here; anonymous when it names nobody. */
    static Reporter of(HistoricalRecord record) {
        return new Reporter(record.reporterName() == null && record.reporterPhone() == null, null,
                record.reporterName(), SensitiveText.of(record.reporterPhone()), null, null);
    }

    boolean is(String accountId) {
        return this.accountId != null && this.accountId.equals(accountId);
    }

    /** Whether name or phone are still kept. */
    boolean identifiable() {
        return name != null || phone != null;
    }

    /** Name and phone removed at {@code now}; the account stays. */
    Reporter anonymisedAt(Instant now) {
        return new Reporter(anonymous, accountId, null, null, callbackTokenHash, now);
    }

    String phoneNumber() {
        return SensitiveText.valueOf(phone);
    }
}
