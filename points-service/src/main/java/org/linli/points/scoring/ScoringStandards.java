package org.linli.points.scoring;

import java.time.Clock;
import java.util.Map;
import org.linli.platform.web.Caller;
import org.linli.points.copies.OrgUnitCopies;
import org.linli.points.copies.OrgUnitCopies.Community;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** The scoring standard in force for a community: its own once published, the county defaults before. */
@Component
public class ScoringStandards {

    private final MongoOperations mongo;
    private final ScoringDefaults defaults;
    private final OrgUnitCopies orgUnits;
    private final Clock clock;

    ScoringStandards(MongoOperations mongo, ScoringDefaults defaults, OrgUnitCopies orgUnits, Clock clock) {
        this.mongo = mongo;
        this.defaults = defaults;
        this.orgUnits = orgUnits;
        this.clock = clock;
    }

    /** The standard in force for a community (the defaults for an unknown or absent community). */
    public ScoringStandard inForce(String communityUnitId) {
        ScoringStandard own = communityUnitId == null ? null : mongo.findById(communityUnitId, ScoringStandard.class);
        return own != null ? own : ScoringStandard.defaults(communityUnitId, null, defaults);
    }

    ScoringStandard read(Caller caller, String communityUnitId) {
        orgUnits.community(communityUnitId);
        return inForce(communityUnitId);
    }

    /** Publishes a community's standard; {@code version} is that of the standard read (null for the defaults). */
    ScoringStandard publish(Caller caller, String communityUnitId, Map<ActivityType, Integer> perHour, int issueResolved,
                            int microWish, int dailyCap, Long version) {
        Community community = orgUnits.community(communityUnitId);
        if (!caller.covers(community.path())) {
            throw new AccessDeniedException("community " + communityUnitId + " is outside the caller's scope");
        }
        ScoringStandard standard = mongo.findById(communityUnitId, ScoringStandard.class);
        if (standard == null) {
            if (version != null) {
                throw new OptimisticLockingFailureException("no standard published yet for " + communityUnitId);
            }
            standard = ScoringStandard.defaults(communityUnitId, community.path(), defaults);
        } else if (!standard.version().equals(version)) {
            throw new OptimisticLockingFailureException("scoring standard is at version " + standard.version());
        }
        standard.publish(perHour, issueResolved, microWish, dailyCap, clock.instant());
        return mongo.save(standard);
    }
}
