package org.linli.issue.wish;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import io.github.springwolf.core.asyncapi.annotations.AsyncOperation;
import io.github.springwolf.core.asyncapi.annotations.AsyncPublisher;
import org.linli.events.Topics;
import org.linli.events.issue.MicroWishFulfilled;
import org.linli.issue.place.Places;
import org.linli.platform.mongo.MongoPages;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.web.Caller;
import org.linli.platform.domain.NotFoundException;
import org.linli.platform.web.Roles;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/** Micro-wishes within the caller's role and org scope; the state rules are the aggregate's. */
@Service
class MicroWishService {

    private static final Set<String> ADMINS = Set.of(Roles.COMMUNITY_ADMIN, Roles.STREET_ADMIN, Roles.COUNTY_ADMIN);

    private final MongoOperations mongo;
    private final Places places;
    private final Clock clock;

    MicroWishService(MongoOperations mongo, Places places, Clock clock) {
        this.mongo = mongo;
        this.places = places;
        this.clock = clock;
    }

    MicroWish publish(Caller caller, String title, String description, String communityUnitId, String beneficiaryName) {
        String path = places.pathOf(communityUnitId);
        if (path == null) {
            throw new BusinessRuleViolation("unknown-community", "community " + communityUnitId + " is not known",
                    communityUnitId);
        }
        boolean staff = isAdmin(caller) || caller.hasRole(Roles.GRID_WORKER);
        if (staff && !caller.covers(path)) {
            throw new AccessDeniedException("community outside the caller's scope");
        }
        if (staff && (beneficiaryName == null || beneficiaryName.isBlank())) {
            throw new BusinessRuleViolation("beneficiary-required", "a collected wish names its beneficiary");
        }
        return mongo.insert(MicroWish.publish(title, description, communityUnitId, path,
                staff ? null : caller.accountId(), staff ? beneficiaryName.strip() : caller.username(),
                staff ? caller.accountId() : null, clock.instant()));
    }

    MicroWish get(Caller caller, String id) {
        MicroWish wish = find(id);
        if (!wish.wishedBy(caller.accountId()) && !(staff(caller) && caller.covers(wish.communityPath()))) {
            throw new AccessDeniedException("wish outside the caller's scope");
        }
        return wish;
    }

    Page<MicroWish> list(Caller caller, MicroWish.Status status, String communityUnitId, Pageable pageable) {
        List<Criteria> all = new ArrayList<>();
        if (!staff(caller)) {
            all.add(Criteria.where("residentAccountId").is(caller.accountId()));
        } else if (!caller.isCountyWide()) {
            all.add(Criteria.where("communityPath").regex("^" + Pattern.quote(caller.orgUnitPath())));
        }
        Optional.ofNullable(status).ifPresent(value -> all.add(Criteria.where("status").is(value)));
        Optional.ofNullable(communityUnitId).ifPresent(value -> all.add(Criteria.where("communityUnitId").is(value)));
        Criteria criteria = all.isEmpty() ? new Criteria() : new Criteria().andOperator(all.toArray(Criteria[]::new));
        Query query = Query.query(criteria).with(pageable);
        if (pageable.getSort().isUnsorted()) {
            query.with(Sort.by(Sort.Direction.DESC, "publishedAt"));
        }
        return MongoPages.page(mongo, query, pageable, MicroWish.class);
    }

    MicroWish claim(Caller caller, String id, MicroWish.ClaimantKind kind, String claimantId, String claimantName,
                    Long version) {
        return change(id, version, (wish, now) -> {
            if (!caller.covers(wish.communityPath())) {
                throw new AccessDeniedException("wish outside the caller's scope");
            }
            if (kind == MicroWish.ClaimantKind.DUAL_REGISTRATION_UNIT) {
                if (!isAdmin(caller) || claimantId == null) {
                    throw new AccessDeniedException("admins record a unit's claim, naming the unit");
                }
                wish.claim(MicroWish.ClaimantKind.DUAL_REGISTRATION_UNIT, claimantId, claimantName, now);
            } else {
                if (!caller.hasRole(Roles.PARTY_MEMBER)) {
                    throw new AccessDeniedException("party members claim for themselves");
                }
                wish.claim(MicroWish.ClaimantKind.PARTY_MEMBER, caller.accountId(), caller.username(), now);
            }
        });
    }

    MicroWish fulfil(Caller caller, String id, String note, Long version) {
        return change(id, version, (wish, now) -> {
            if (!wish.claimedBy(caller.accountId()) && !(isAdmin(caller) && caller.covers(wish.communityPath()))) {
                throw new AccessDeniedException("only the claimant or an admin fulfils");
            }
            wish.fulfil(note, now);
        });
    }

    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.ISSUE_EVENTS, payloadType = MicroWishFulfilled.class,
            description = "a micro-wish was fulfilled and confirmed"))
    MicroWish confirm(Caller caller, String id, Long version) {
        return change(id, version, (wish, now) -> {
            boolean owner = wish.wishedBy(caller.accountId());
            boolean adminForCollected = wish.residentAccountId() == null && isAdmin(caller)
                    && caller.covers(wish.communityPath());
            if (!owner && !adminForCollected) {
                throw new AccessDeniedException("only the resident confirms");
            }
            wish.confirm(now);
        });
    }

    MicroWish cancel(Caller caller, String id) {
        return change(id, null, (wish, now) -> {
            if (!wish.wishedBy(caller.accountId()) && !(isAdmin(caller) && caller.covers(wish.communityPath()))) {
                throw new AccessDeniedException("only the resident or an admin cancels");
            }
            wish.cancel(now);
        });
    }

    private MicroWish change(String id, Long version, BiConsumer<MicroWish, Instant> action) {
        MicroWish wish = find(id);
        if (version != null && !version.equals(wish.version())) {
            throw new OptimisticLockingFailureException("wish " + id + " is at version " + wish.version());
        }
        action.accept(wish, clock.instant());
        return mongo.save(wish);
    }

    private MicroWish find(String id) {
        return Optional.ofNullable(mongo.findById(id, MicroWish.class))
                .orElseThrow(() -> new NotFoundException("micro-wish", id));
    }

    private static boolean isAdmin(Caller caller) {
        return ADMINS.stream().anyMatch(caller::hasRole);
    }

    private static boolean staff(Caller caller) {
        return isAdmin(caller) || caller.hasRole(Roles.GRID_WORKER) || caller.hasRole(Roles.PARTY_MEMBER);
    }
}
