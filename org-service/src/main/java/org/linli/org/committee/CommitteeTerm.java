package org.linli.org.committee;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.linli.platform.domain.BusinessRuleViolation;

/**
 * One term (届) of a committee: 1 to 5 years (the last day counts), exactly one director.
 *
 * @param number   1 for the first term, then one more per re-election
 * @param startsOn first day
 * @param endsOn   last day as elected
 * @param closedOn last day actually served, set when a re-election closed the term ({@code null} while current)
 * @param members  the members of this term
 */
public record CommitteeTerm(int number, LocalDate startsOn, LocalDate endsOn, LocalDate closedOn,
                            List<CommitteeMember> members) {

    static final int MIN_YEARS = 1;
    static final int MAX_YEARS = 5;

    /** A new term, refused unless it lasts 1 to 5 years and has exactly one director. */
    static CommitteeTerm open(int number, LocalDate startsOn, LocalDate endsOn, List<CommitteeMember> members) {
        Objects.requireNonNull(startsOn, "startsOn");
        Objects.requireNonNull(endsOn, "endsOn");
        // a term of one year runs 2026-01-01..2026-12-31; one ending on its anniversary is accepted as well
        if (endsOn.isBefore(startsOn.plusYears(MIN_YEARS).minusDays(1)) || endsOn.isAfter(startsOn.plusYears(MAX_YEARS))) {
            throw new BusinessRuleViolation("invalid-term", "a term lasts 1 to 5 years", startsOn, endsOn);
        }
        long directors = members.stream().filter(member -> member.role() == MemberRole.DIRECTOR).count();
        if (directors != 1) {
            throw new BusinessRuleViolation("committee-needs-one-director", "a term has exactly one director",
                    String.valueOf(directors));
        }
        return new CommitteeTerm(number, startsOn, endsOn, null, List.copyOf(members));
    }

    /** This term, closed on the day before the next one starts (or on its planned last day if that came first). */
    CommitteeTerm closedBefore(LocalDate nextStart) {
        LocalDate dayBefore = nextStart.minusDays(1);
        return new CommitteeTerm(number, startsOn, endsOn, dayBefore.isBefore(endsOn) ? dayBefore : endsOn, members);
    }

    public int memberCount() {
        return members.size();
    }

    public int partyMemberCount() {
        return (int) members.stream().filter(CommitteeMember::partyMember).count();
    }

    /** More than half of the members are party members. */
    public boolean partyMajority() {
        return 2 * partyMemberCount() > memberCount();
    }
}
