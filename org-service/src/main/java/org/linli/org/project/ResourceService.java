package org.linli.org.project;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.linli.org.unit.OrgUnitDirectory;
import org.linli.org.unit.OrgUnitDirectory.UnitView;
import org.linli.platform.mongo.MongoPages;
import org.linli.platform.web.Caller;
import org.linli.platform.domain.NotFoundException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * 资源清单: admins record what a party member, a dual-registration unit or a property company offers to communities in
 * their scope; a party member offers their own skills to their own community. Read by the communities' admins and
 * people.
 */
@Service
class ResourceService {

    private final MongoOperations mongo;
    private final Communities communities;
    private final OrgUnitDirectory units;
    private final Providers providers;
    private final Clock clock;

    ResourceService(MongoOperations mongo, Communities communities, OrgUnitDirectory units, Providers providers,
                    Clock clock) {
        this.mongo = mongo;
        this.communities = communities;
        this.units = units;
        this.providers = providers;
        this.clock = clock;
    }

    /** Admins: for any provider, every community in their scope; a party member: for itself, its own community. */
    Resource offer(Caller caller, Provider.Kind kind, String providerId, String providerName, Resource.Offer offer) {
        Provider provider;
        if (ListAccess.isAdmin(caller)) {
            List<UnitView> served = offer.communityIds().stream().distinct()
                    .map(id -> communities.managedBy(caller, id)).toList();
            provider = providers.resolve(kind, providerId, providerName, served);
        } else if (kind == Provider.Kind.PARTY_MEMBER) {
            List<UnitView> served = offer.communityIds().stream().distinct()
                    .map(id -> communities.ownOf(caller, id)).toList();
            provider = providers.self(caller, providerId, served);
        } else {
            throw new AccessDeniedException("a party member offers only their own skills");
        }
        return mongo.insert(Resource.offer(provider, offer, caller.accountId(), clock.instant()));
    }

    /** A community's resources (admins covering it, people of it; 403 another), optionally of one category. */
    Page<Resource> list(Caller caller, String communityId, NeedCategory category, Pageable pageable) {
        communities.reachableBy(caller, communityId);
        Criteria filter = Criteria.where("communityIds").is(communityId);
        if (category != null) {
            filter.and("category").is(category);
        }
        return MongoPages.page(mongo, Query.query(filter).with(pageable), pageable, Resource.class);
    }

    /** Admins covering, or people of, one of the communities it serves (403 otherwise, 404 unknown). */
    Resource get(Caller caller, String id) {
        Resource resource = Optional.ofNullable(mongo.findById(id, Resource.class))
                .orElseThrow(() -> new NotFoundException("resource", id));
        boolean visible = units.findAll(resource.communityIds()).stream()
                .anyMatch(community -> caller.covers(community.path()) || Communities.belongsTo(caller, community));
        if (!visible) {
            throw new AccessDeniedException("resource " + id + " is outside the caller's scope");
        }
        return resource;
    }
}
