package org.linli.points.reward;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.linli.platform.mongo.MongoPages;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.web.Caller;
import org.linli.platform.domain.NotFoundException;
import org.linli.platform.web.Roles;
import org.linli.points.ledger.Accounts;
import org.linli.points.ledger.LedgerEntry.Context;
import org.linli.points.copies.OrgUnitCopies;
import org.linli.points.copies.OrgUnitCopies.Community;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/** The exchange lists and redemptions, with who may do what: admins keep the list, staff hand goods over. */
@Service
public class RewardService {

    /** Who works the supermarket's counter of a community (fulfils and cancels redemptions there). */
    static final Set<String> STAFF = Set.of(Roles.COUNTY_ADMIN, Roles.STREET_ADMIN, Roles.COMMUNITY_ADMIN,
            Roles.GRID_WORKER);

    private final MongoOperations mongo;
    private final Redemptions redemptions;
    private final OrgUnitCopies orgUnits;
    private final Accounts accounts;
    private final Clock clock;
    private final ZoneId zone;

    RewardService(MongoOperations mongo, Redemptions redemptions, OrgUnitCopies orgUnits, Accounts accounts,
                  Clock clock, @Value("${linli.zone:Asia/Shanghai}") ZoneId zone) {
        this.mongo = mongo;
        this.redemptions = redemptions;
        this.orgUnits = orgUnits;
        this.accounts = accounts;
        this.clock = clock;
        this.zone = zone;
    }

    /** Puts a good on a community's exchange list. */
    public Reward create(Caller caller, String communityUnitId, String name, String description, long pointsPrice,
                         int stock, Integer perPersonLimit, LocalDate activeFrom, LocalDate activeUntil) {
        Community community = orgUnits.community(communityUnitId);
        requireCovers(caller, community.path());
        return mongo.insert(Reward.list(name, description, pointsPrice, stock, perPersonLimit, activeFrom, activeUntil,
                community.id(), community.path(), clock.instant()));
    }

    Reward get(String id) {
        return Optional.ofNullable(mongo.findById(id, Reward.class)).orElseThrow(() -> new NotFoundException("reward", id));
    }

    Page<Reward> page(String communityUnitId, boolean onOfferOnly, Pageable pageable) {
        List<Criteria> filters = new ArrayList<>();
        if (communityUnitId != null) {
            filters.add(Criteria.where("communityUnitId").is(communityUnitId));
        }
        if (onOfferOnly) {
            LocalDate today = LocalDate.now(clock.withZone(zone));
            filters.add(new Criteria().orOperator(Criteria.where("activeFrom").is(null),
                    Criteria.where("activeFrom").lte(today)));
            filters.add(new Criteria().orOperator(Criteria.where("activeUntil").is(null),
                    Criteria.where("activeUntil").gte(today)));
        }
        Criteria criteria = MongoPages.allOf(filters);
        Query query = Query.query(criteria).with(pageable);
        query.fields().exclude("holders");
        return MongoPages.page(mongo, query, pageable, Reward.class);
    }

    /** Adds stock (a single atomic increment: never lost to a concurrent redemption). */
    Reward restock(Caller caller, String id, int quantity) {
        Reward reward = get(id);
        requireCovers(caller, reward.communityPath());
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().inc("stock", quantity), Reward.class);
        return get(id);
    }

    Redemption redeem(Caller caller, String rewardId, int quantity) {
        Reward reward = get(rewardId);
        accounts.noteHolder(caller.accountId(), caller.username(),
                new Context(reward.communityUnitId(), reward.communityPath(), null));
        return redemptions.redeem(caller.accountId(), caller.username(), rewardId, quantity);
    }

    Redemption get(Caller caller, String id) {
        Redemption redemption = redemptions.find(id);
        if (!caller.accountId().equals(redemption.accountId()) && !staffOf(caller, redemption.communityPath())) {
            throw new AccessDeniedException("redemption " + id + " is outside the caller's scope");
        }
        return redemption;
    }

    Redemption cancel(Caller caller, String id) {
        get(caller, id);
        return redemptions.cancel(id, caller.accountId());
    }

    /** Hands over the goods against a pickup code, at a counter of the redemption's community. */
    Redemption fulfil(Caller caller, String pickupCode) {
        Redemption redemption = Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("pickupCode")
                .is(pickupCode)), Redemption.class)).orElseThrow(() -> new NotFoundException("pickup-code", pickupCode));
        if (!staffOf(caller, redemption.communityPath())) {
            throw new AccessDeniedException("redemption " + redemption.id() + " is outside the caller's scope");
        }
        return redemptions.fulfil(redemption, caller.accountId());
    }

    /** The caller's own redemptions, or, for staff with {@code mine=false}, those of their scope. */
    Page<Redemption> page(Caller caller, boolean mine, Redemption.Status status, String communityUnitId,
                          Pageable pageable) {
        List<Criteria> filters = new ArrayList<>();
        if (mine || STAFF.stream().noneMatch(caller::hasRole)) {
            filters.add(Criteria.where("accountId").is(caller.accountId()));
        } else if (!caller.isCountyWide()) {
            filters.add(Criteria.where("communityPath").regex("^" + Pattern.quote(caller.orgUnitPath())));
        }
        if (status != null) {
            filters.add(Criteria.where("status").is(status));
        }
        if (communityUnitId != null) {
            filters.add(Criteria.where("communityUnitId").is(communityUnitId));
        }
        Query query = Query.query(new Criteria().andOperator(filters)).with(pageable);
        return MongoPages.page(mongo, query, pageable, Redemption.class);
    }

    static boolean staffOf(Caller caller, String communityPath) {
        return STAFF.stream().anyMatch(caller::hasRole) && caller.covers(communityPath);
    }

    private static void requireCovers(Caller caller, String path) {
        if (!caller.covers(path)) {
            throw new AccessDeniedException("outside the caller's scope");
        }
    }

}
