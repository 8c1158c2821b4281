package org.linli.org.project;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.linli.org.unit.OrgUnitDirectory;
import org.linli.org.unit.OrgUnitDirectory.UnitView;
import org.linli.org.unit.OrgUnitType;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.web.Caller;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The communities (社区党委 units) needs, resources and projects belong to, and who may act for one: staff whose
 * scope covers it, or anyone whose own unit lies in it (a resident, party member or grid worker of the community).
 */
@Component
class Communities {

    private final OrgUnitDirectory units;

    Communities(OrgUnitDirectory units) {
        this.units = units;
    }

    /** An active community: 404 unknown, 422 {@code invalid-community} for another type or an inactive one. */
    UnitView require(String communityId) {
        UnitView unit = units.require(communityId);
        if (!unit.active() || unit.type() != OrgUnitType.COMMUNITY_COMMITTEE) {
            throw new BusinessRuleViolation("invalid-community", "not an active community party committee",
                    communityId);
        }
        return unit;
    }

    /** The community when the caller's scope covers it (admins managing it), else 403. */
    UnitView managedBy(Caller caller, String communityId) {
        UnitView community = require(communityId);
        if (!caller.covers(community.path())) {
            throw new AccessDeniedException("community " + communityId + " is outside the caller's scope");
        }
        return community;
    }

    /** The community when the caller belongs to it (its unit is the community or below), else 403. */
    UnitView ownOf(Caller caller, String communityId) {
        UnitView community = require(communityId);
        if (!belongsTo(caller, community)) {
            throw new AccessDeniedException("community " + communityId + " is not the caller's own");
        }
        return community;
    }

    /** The community when the caller covers it or belongs to it, else 403. */
    UnitView reachableBy(Caller caller, String communityId) {
        UnitView community = require(communityId);
        if (!caller.covers(community.path()) && !belongsTo(caller, community)) {
            throw new AccessDeniedException("community " + communityId + " is outside the caller's scope");
        }
        return community;
    }

    /** The community on the caller's own path (its unit is the community or below), if any. */
    Optional<UnitView> ofCaller(Caller caller) {
        if (caller.orgUnitPath() == null) {
            return Optional.empty();
        }
        List<String> ancestors = Arrays.stream(caller.orgUnitPath().split("/")).filter(id -> !id.isEmpty()).toList();
        return units.findAll(ancestors).stream()
                .filter(unit -> unit.type() == OrgUnitType.COMMUNITY_COMMITTEE).findFirst();
    }

    static boolean belongsTo(Caller caller, UnitView community) {
        return caller.orgUnitPath() != null && caller.orgUnitPath().startsWith(community.path());
    }
}
