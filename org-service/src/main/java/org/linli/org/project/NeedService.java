package org.linli.org.project;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.linli.org.unit.OrgUnitDirectory.UnitView;
import org.linli.platform.mongo.MongoPages;
import org.linli.platform.web.Caller;
import org.linli.platform.domain.NotFoundException;
import org.linli.platform.web.Roles;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * 需求清单: residents raise needs for their own community, grid workers, party members and admins for a community
 * they belong to or cover; admins see every need in their scope, others their own and the open needs of their
 * community; the matching suggestions rank the resources that could meet a need.
 */
@Service
class NeedService {

    /** At most this many candidates are read for the suggestions of one need. */
    static final int MAX_CANDIDATES = 500;

    private final MongoOperations mongo;
    private final Communities communities;
    private final Clock clock;

    NeedService(MongoOperations mongo, Communities communities, Clock clock) {
        this.mongo = mongo;
        this.communities = communities;
        this.clock = clock;
    }

    Need raise(Caller caller, String communityId, Need.Details details) {
        UnitView community = caller.hasRole(Roles.RESIDENT) && !ListAccess.isAdmin(caller)
                ? communities.ownOf(caller, communityId) : communities.reachableBy(caller, communityId);
        return mongo.insert(Need.raise(community.id(), community.path(), details, caller.accountId(),
                clock.instant()));
    }

    /**
     * {@code mine}: the caller's own needs. Otherwise admins: every need in their scope (or under one community of
     * it); others: the open needs of their own community (another community: 403).
     */
    Page<Need> list(Caller caller, String communityId, Need.Status status, boolean mine, Pageable pageable) {
        List<Criteria> filters = new ArrayList<>();
        if (mine) {
            filters.add(Criteria.where("raisedBy").is(caller.accountId()));
        } else if (ListAccess.isAdmin(caller)) {
            if (communityId != null) {
                filters.add(under(communities.managedBy(caller, communityId).path()));
            } else if (!caller.isCountyWide()) {
                filters.add(under(caller.orgUnitPath()));
            }
        } else {
            Optional<UnitView> own = communityId != null ? Optional.of(communities.ownOf(caller, communityId))
                    : communities.ofCaller(caller);
            if (own.isEmpty()) {
                return Page.empty(pageable);
            }
            filters.add(Criteria.where("status").is(Need.Status.OPEN));
            filters.add(under(own.get().path()));
        }
        if (status != null) {
            filters.add(Criteria.where("status").is(status));
        }
        return MongoPages.page(mongo, Query.query(MongoPages.allOf(filters)).with(pageable), pageable, Need.class);
    }

    /** Admins covering it, its raiser, or anyone of its community while it is open (403 otherwise, 404 unknown). */
    Need get(Caller caller, String id) {
        Need need = find(id);
        boolean visible = ListAccess.isAdmin(caller) ? caller.covers(need.unitPath()) : need.raisedBy(caller.accountId())
                || need.status() == Need.Status.OPEN && caller.orgUnitPath() != null
                && caller.orgUnitPath().startsWith(need.unitPath());
        if (!visible) {
            throw new AccessDeniedException("need " + id + " is outside the caller's scope");
        }
        return need;
    }

    /** Its raiser, or admins covering it. */
    Need withdraw(Caller caller, String id, long version) {
        Need need = find(id);
        if (!need.raisedBy(caller.accountId()) && !(ListAccess.isAdmin(caller) && caller.covers(need.unitPath()))) {
            throw new AccessDeniedException("only the raiser or the community's admins withdraw a need");
        }
        ListAccess.requireVersion("need " + id, need.version(), version);
        need.withdraw(clock.instant());
        return mongo.save(need);
    }

    /**
     * The resources that could meet the need (admins covering it): same category, serving its community, capacity
     * left; ranked by {@link Resource#bestFor}.
     */
    Page<Resource> suggestions(Caller caller, String id, Pageable pageable) {
        Need need = find(id);
        if (!ListAccess.isAdmin(caller) || !caller.covers(need.unitPath())) {
            throw new AccessDeniedException("need " + id + " is outside the caller's scope");
        }
        Query candidates = Query.query(Criteria.where("communityIds").is(need.communityId())
                .and("category").is(need.category()).and("capacityLeft").gt(0)).limit(MAX_CANDIDATES);
        List<Resource> ranked = mongo.find(candidates, Resource.class).stream()
                .sorted(Resource.bestFor(need.communityId())).toList();
        return MongoPages.page(ranked, pageable);
    }

    Need find(String id) {
        return Optional.ofNullable(mongo.findById(id, Need.class)).orElseThrow(() -> new NotFoundException("need", id));
    }

    static Criteria under(String path) {
        return Criteria.where("unitPath").regex("^" + Pattern.quote(path));
    }
}
