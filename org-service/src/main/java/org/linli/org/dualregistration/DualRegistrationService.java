package org.linli.org.dualregistration;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import io.github.springwolf.core.asyncapi.annotations.AsyncOperation;
import io.github.springwolf.core.asyncapi.annotations.AsyncPublisher;
import org.linli.events.Topics;
import org.linli.events.org.DualRegistrationUnitRegistered;
import org.linli.org.unit.OrgUnitDirectory;
import org.linli.org.unit.OrgUnitDirectory.UnitView;
import org.linli.org.unit.OrgUnitType;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.web.Caller;
import org.linli.platform.domain.NotFoundException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Dual-registration units: the county registers them with their communities; a community (its admins,
 * or admins above it) records commitments, projects and scores for itself only (403 for another).
 */
@Service
class DualRegistrationService {

    private final DualRegistrationRepository registrations;
    private final OrgUnitDirectory units;
    private final ProjectList projectList;
    private final Clock clock;

    DualRegistrationService(DualRegistrationRepository registrations, OrgUnitDirectory units, ProjectList projectList,
                            Clock clock) {
        this.registrations = registrations;
        this.units = units;
        this.projectList = projectList;
        this.clock = clock;
    }

    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS,
            payloadType = DualRegistrationUnitRegistered.class, description = "a dual-registration unit was registered"))
    DualRegistrationUnit register(String name, List<String> communityIds) {
        List<Pairing> pairings = communityIds.stream().distinct().map(this::pairing).toList();
        return registrations.save(DualRegistrationUnit.register(name, pairings, clock.instant()));
    }

    DualRegistrationUnit get(Caller caller, String id) {
        DualRegistrationUnit unit = find(id);
        if (unit.pairings().stream().noneMatch(pairing -> caller.covers(pairing.path()))) {
            throw new AccessDeniedException("dual-registration unit " + id + " is outside the caller's scope");
        }
        return unit;
    }

    Page<DualRegistrationUnit> list(Caller caller, Pageable pageable) {
        return registrations.findByPairingsPathStartingWith(scope(caller), pageable);
    }

    /**
     * Units in the caller's scope without a claimed project in the year (each must claim at least one): neither one
     * recorded on the unit nor a claim in the project list that was not cancelled.
     */
    Page<DualRegistrationUnit> gaps(Caller caller, int year, Pageable pageable) {
        return registrations.findByProjectsYearNotAndIdNotInAndPairingsPathStartingWith(year,
                projectList.unitsWithClaimsIn(year), scope(caller), pageable);
    }

    DualRegistrationUnit commit(Caller caller, String id, long version, String communityId, String text) {
        DualRegistrationUnit unit = find(id);
        actFor(caller, unit, version, communityId);
        unit.commit(communityId, text, clock.instant());
        return registrations.save(unit);
    }

    DualRegistrationUnit claimProject(Caller caller, String id, long version, int year, String communityId,
                                      String title) {
        DualRegistrationUnit unit = find(id);
        actFor(caller, unit, version, communityId);
        unit.claimProject(year, communityId, title, clock.instant());
        return registrations.save(unit);
    }

    DualRegistrationUnit completeProject(Caller caller, String id, long version, String projectId) {
        DualRegistrationUnit unit = find(id);
        actFor(caller, unit, version, unit.project(projectId).communityId());
        unit.completeProject(projectId, clock.instant());
        return registrations.save(unit);
    }

    DualRegistrationUnit score(Caller caller, String id, long version, int year, String communityId, int score) {
        DualRegistrationUnit unit = find(id);
        actFor(caller, unit, version, communityId);
        unit.score(year, communityId, score, clock.instant());
        return registrations.save(unit);
    }

    /** Refuses unless the caller's scope covers the community and the unit is at the version the caller saw. */
    private void actFor(Caller caller, DualRegistrationUnit unit, long version, String communityId) {
        UnitView community = units.find(communityId).orElseThrow(() -> notACommunity(communityId));
        if (!caller.covers(community.path())) {
            throw new AccessDeniedException("community " + communityId + " is outside the caller's scope");
        }
        if (!Objects.equals(unit.version(), version)) {
            throw new OptimisticLockingFailureException("dual-registration unit " + unit.id() + " is at version "
                    + unit.version() + ", not " + version);
        }
    }

    private DualRegistrationUnit find(String id) {
        return registrations.findById(id).orElseThrow(() -> new NotFoundException("dual-registration-unit", id));
    }

    private Pairing pairing(String communityId) {
        return units.find(communityId)
                .filter(unit -> unit.active() && unit.type() == OrgUnitType.COMMUNITY_COMMITTEE)
                .map(unit -> new Pairing(unit.id(), unit.path()))
                .orElseThrow(() -> notACommunity(communityId));
    }

    private static String scope(Caller caller) {
        return caller.isCountyWide() ? "/" : caller.orgUnitPath();
    }

    private static BusinessRuleViolation notACommunity(String unitId) {
        return new BusinessRuleViolation("invalid-community", "not an active community party committee", unitId);
    }
}
