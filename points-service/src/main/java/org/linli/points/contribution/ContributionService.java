package org.linli.points.contribution;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.linli.platform.mongo.MongoPages;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.web.Caller;
import org.linli.platform.domain.NotFoundException;
import org.linli.platform.web.Roles;
import org.linli.points.activity.Activity;
import org.linli.points.ledger.LedgerEntry;
import org.linli.points.ledger.Reason;
import org.linli.points.copies.PartyMemberCopy;
import org.linli.points.copies.PartyMemberCopy.FeeStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Party members' contribution record (党员积分/表现档案), a reference for their evaluation: the
 * activities they attended, hours and points earned in a year (from confirmed activities and the
 * ledger), and the property-fee payment status admins record. Read by admins whose scope covers the
 * member's party organisation, and by the member (through the linked account).
 */
@Service
class ContributionService {

    static final Set<String> FEE_STATUSES = Set.of("PAID", "PARTLY_PAID", "UNPAID");
    private static final Set<String> ADMINS = Set.of(Roles.COUNTY_ADMIN, Roles.STREET_ADMIN, Roles.COMMUNITY_ADMIN);

    private final MongoOperations mongo;
    private final Clock clock;
    private final ZoneId zone;

    ContributionService(MongoOperations mongo, Clock clock, @Value("${linli.zone:Asia/Shanghai}") ZoneId zone) {
        this.mongo = mongo;
        this.clock = clock;
        this.zone = zone;
    }

    /** Links the member's login account (PartyMemberRegistered carries none); its points then count here. */
    PartyMemberCopy link(Caller caller, String memberId, String accountId) {
        PartyMemberCopy member = administered(caller, memberId);
        mongo.updateFirst(byId(member.memberId()), new Update().set("accountId", accountId), PartyMemberCopy.class);
        return find(memberId);
    }

    /** Records the property-fee status of a year, replacing an earlier record of that year. */
    PartyMemberCopy recordFee(Caller caller, String memberId, int year, String status, String note) {
        if (!FEE_STATUSES.contains(status)) {
            throw new BusinessRuleViolation("invalid-fee-status", "a fee status is PAID, PARTLY_PAID or UNPAID");
        }
        PartyMemberCopy member = administered(caller, memberId);
        List<FeeStatus> fees = new ArrayList<>(member.propertyFees() == null ? List.of() : member.propertyFees());
        fees.removeIf(fee -> fee.year() == year);
        fees.add(new FeeStatus(year, status, note, caller.accountId(), clock.instant()));
        fees.sort((a, b) -> Integer.compare(a.year(), b.year()));
        mongo.updateFirst(byId(memberId), new Update().set("propertyFees", fees), PartyMemberCopy.class);
        return find(memberId);
    }

    /** A member's record for a year. */
    Record record(Caller caller, String memberId, int year) {
        PartyMemberCopy member = find(memberId);
        boolean self = member.accountId() != null && member.accountId().equals(caller.accountId());
        if (!self) {
            requireAdminCovering(caller, member);
        }
        int activities = 0;
        long minutes = 0;
        Map<Reason, Long> points = new EnumMap<>(Reason.class);
        if (member.accountId() != null) {
            Instant from = LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant();
            Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant();
            Query attended = Query.query(Criteria.where("status").is(Activity.Status.CONFIRMED)
                    .and("startsAt").gte(from).lt(to).and("participants.accountId").is(member.accountId()));
            for (Activity activity : mongo.find(attended, Activity.class)) {
                Optional<Activity.Participant> part = activity.attendees().stream()
                        .filter(p -> p.accountId().equals(member.accountId())).findFirst();
                if (part.isPresent()) {
                    activities++;
                    minutes += part.get().minutes();
                }
            }
            Query earned = Query.query(Criteria.where("accountId").is(member.accountId())
                    .and("day").regex("^" + year + "-"));
            for (LedgerEntry entry : mongo.find(earned, LedgerEntry.class)) {
                if (entry.reason().earning()) {
                    points.merge(entry.reason(), entry.amount(), Long::sum);
                }
            }
        }
        FeeStatus fee = member.propertyFees() == null ? null : member.propertyFees().stream()
                .filter(f -> f.year() == year).findFirst().orElse(null);
        return new Record(member.memberId(), member.name(), member.kind(), member.branchId(), member.accountId(), year,
                activities, minutes, points, points.values().stream().mapToLong(Long::longValue).sum(), fee);
    }

    Page<PartyMemberCopy> page(Caller caller, Pageable pageable) {
        if (ADMINS.stream().noneMatch(caller::hasRole)) {
            throw new AccessDeniedException("admins only");
        }
        Criteria criteria = caller.isCountyWide() ? new Criteria()
                : Criteria.where("unitPath").regex("^" + Pattern.quote(caller.orgUnitPath()));
        Query query = Query.query(criteria).with(pageable);
        return MongoPages.page(mongo, query, pageable, PartyMemberCopy.class);
    }

    private PartyMemberCopy administered(Caller caller, String memberId) {
        PartyMemberCopy member = find(memberId);
        requireAdminCovering(caller, member);
        return member;
    }

    private static void requireAdminCovering(Caller caller, PartyMemberCopy member) {
        if (ADMINS.stream().noneMatch(caller::hasRole) || !caller.covers(member.unitPath())) {
            throw new AccessDeniedException("party member " + member.memberId() + " is outside the caller's scope");
        }
    }

    private PartyMemberCopy find(String memberId) {
        return Optional.ofNullable(mongo.findById(memberId, PartyMemberCopy.class))
                .orElseThrow(() -> new NotFoundException("party-member", memberId));
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    /** A member's contribution in a year: participation, points by reason, and the property-fee status. */
    record Record(String memberId, String name, String kind, String branchId, String accountId, int year,
                  int activitiesAttended, long minutesServed, Map<Reason, Long> pointsByReason, long pointsEarned,
                  FeeStatus propertyFee) {
    }
}
