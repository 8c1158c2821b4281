package org.linli.org.project;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import io.github.springwolf.core.asyncapi.annotations.AsyncOperation;
import io.github.springwolf.core.asyncapi.annotations.AsyncPublisher;
import org.linli.events.Topics;
import org.linli.events.org.ProjectCompleted;
import org.linli.org.unit.OrgUnitDirectory.UnitView;
import org.linli.platform.mongo.MongoPages;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.web.Caller;
import org.linli.platform.domain.NotFoundException;
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
 * 项目清单, managed by admins covering the need's community: a project made of a need and resources (the need becomes
 * MATCHED, each resource's capacity is held by one conditional update, so two projects never take more than is
 * left), then started, done (capacity back, need CLOSED) or cancelled (capacity back, need OPEN again). Without
 * multi-document transactions the steps run in that order and a refused step undoes the ones before it.
 */
@Service
class ProjectService {

    private final MongoOperations mongo;
    private final Communities communities;
    private final Providers providers;
    private final NeedService needs;
    private final Clock clock;
    private final ZoneId zone;

    ProjectService(MongoOperations mongo, Communities communities, Providers providers, NeedService needs, Clock clock,
                   @Value("${linli.zone:Asia/Shanghai}") ZoneId zone) {
        this.mongo = mongo;
        this.communities = communities;
        this.providers = providers;
        this.needs = needs;
        this.clock = clock;
        this.zone = zone;
    }

    /** What a community admin decides: who claims it, which resources it uses, by when. */
    record Plan(String needId, Provider.Kind ownerKind, String ownerId, List<Project.Use> uses, LocalDate deadline) {
    }

    Project create(Caller caller, Plan plan) {
        Need need = needs.find(plan.needId());
        UnitView community = communities.managedBy(caller, need.communityId());
        Provider owner = providers.resolve(plan.ownerKind(), plan.ownerId(), null, List.of(community));
        checkResources(plan.uses(), community.id());
        Project project = Project.claim(need, owner, plan.uses(), plan.deadline(), today(), caller.accountId(),
                clock.instant());
        need.match(project.id());
        Need matched = mongo.save(need);
        holdCapacity(project.uses(), matched);
        return mongo.insert(project);
    }

    /** Each resource exists (404), serves the community (422) and is named once (422). */
    private void checkResources(List<Project.Use> uses, String communityId) {
        if (uses.stream().map(Project.Use::resourceId).distinct().count() != uses.size()) {
            throw new BusinessRuleViolation("duplicate-resource", "a resource is named once per project");
        }
        for (Project.Use use : uses) {
            Resource resource = resource(use.resourceId());
            if (!resource.serves(communityId)) {
                throw new BusinessRuleViolation("resource-not-serving-community", "resource " + resource.id()
                        + " does not serve community " + communityId, resource.id(), communityId);
            }
        }
    }

    /**
     * Takes each amount off its resource ({@code capacityLeft ≥ amount}, {@code $inc}); when one has too little left,
     * gives back what was taken, reopens the need and answers 422 {@code capacity-exceeded}.
     */
    private void holdCapacity(List<Project.Use> uses, Need matched) {
        List<Project.Use> taken = new ArrayList<>();
        for (Project.Use use : uses) {
            Query enoughLeft = Query.query(Criteria.where("_id").is(use.resourceId())
                    .and("capacityLeft").gte(use.amount()));
            if (mongo.updateFirst(enoughLeft, capacity(-use.amount()), Resource.class).getModifiedCount() == 0) {
                taken.forEach(this::giveBack);
                matched.reopen();
                mongo.save(matched);
                throw resource(use.resourceId()).tooLittleLeft(use.amount());
            }
            taken.add(use);
        }
    }

    private void giveBack(Project.Use use) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(use.resourceId())), capacity(use.amount()),
                Resource.class);
    }

    private static Update capacity(int change) {
        return new Update().inc("capacityLeft", change).inc("version", 1);
    }

    Project start(Caller caller, String id, long version) {
        return change(caller, id, version, project -> project.start(clock.instant()));
    }

    /** Done (recording {@link ProjectCompleted}): the resources get their capacity back and the need is closed. */
    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = ProjectCompleted.class,
            description = "a project was done: the need it closes and the dual-registration unit that claimed it"))
    Project complete(Caller caller, String id, long version, String result, LocalDate on) {
        Project done = change(caller, id, version, project -> project.complete(result, on, today(), clock.instant()));
        done.uses().forEach(this::giveBack);
        Need need = needs.find(done.needId());
        need.close(clock.instant());
        mongo.save(need);
        return done;
    }

    /** Cancelled: the resources get their capacity back and the need is open again. */
    Project cancel(Caller caller, String id, long version, String reason) {
        Project cancelled = change(caller, id, version, project -> project.cancel(reason, clock.instant()));
        cancelled.uses().forEach(this::giveBack);
        Need need = needs.find(cancelled.needId());
        need.reopen();
        mongo.save(need);
        return cancelled;
    }

    private Project change(Caller caller, String id, long version, Consumer<Project> step) {
        Project project = get(caller, id);
        ListAccess.requireVersion("project " + id, project.version(), version);
        step.accept(project);
        return mongo.save(project);
    }

    /** Admins covering its community (403), 404 unknown. */
    Project get(Caller caller, String id) {
        Project project = Optional.ofNullable(mongo.findById(id, Project.class))
                .orElseThrow(() -> new NotFoundException("project", id));
        if (!caller.covers(project.unitPath())) {
            throw new AccessDeniedException("project " + id + " is outside the caller's scope");
        }
        return project;
    }

    /** The projects in the caller's scope (or one community of it); {@code overdue}: running past the deadline. */
    Page<Project> list(Caller caller, String communityId, Project.Status status, boolean overdue, Pageable pageable) {
        List<Criteria> filters = new ArrayList<>();
        scope(caller, communityId).ifPresent(filters::add);
        if (status != null) {
            filters.add(Criteria.where("status").is(status));
        }
        if (overdue) {
            filters.add(Criteria.where("status").in(Project.Status.RUNNING).and("deadline").lt(today()));
        }
        return MongoPages.page(mongo, Query.query(MongoPages.allOf(filters)).with(pageable), pageable, Project.class);
    }

    /**
     * Per dual-registration unit, its projects claimed in {@code year} in the caller's scope (承包制: each unit claims at
     * least one a year): claimed (not cancelled), done, overdue today, cancelled; by unit name.
     */
    Page<UnitSummary> unitSummaries(Caller caller, int year, Pageable pageable) {
        Criteria filter = Criteria.where("year").is(year);
        scope(caller, null).ifPresent(path -> filter.andOperator(path));
        LocalDate today = today();
        Map<String, UnitSummary> byUnit = new LinkedHashMap<>();
        for (Project project : mongo.find(Query.query(filter), Project.class)) {
            if (project.owner().kind() == Provider.Kind.DUAL_REGISTRATION_UNIT) {
                byUnit.merge(project.owner().id(), UnitSummary.of(project, today), UnitSummary::plus);
            }
        }
        List<UnitSummary> summaries = byUnit.values().stream()
                .sorted(Comparator.comparing(UnitSummary::unitName).thenComparing(UnitSummary::unitId)).toList();
        return MongoPages.page(summaries, pageable);
    }

    private Optional<Criteria> scope(Caller caller, String communityId) {
        if (communityId != null) {
            return Optional.of(NeedService.under(communities.managedBy(caller, communityId).path()));
        }
        return caller.isCountyWide() ? Optional.empty() : Optional.of(NeedService.under(caller.orgUnitPath()));
    }

    private Resource resource(String id) {
        return Optional.ofNullable(mongo.findById(id, Resource.class))
                .orElseThrow(() -> new NotFoundException("resource", id));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** A dual-registration unit's projects of a year. */
    record UnitSummary(String unitId, String unitName, int claimed, int done, int overdue, int cancelled) {

        static UnitSummary of(Project project, LocalDate today) {
            boolean cancelled = project.status() == Project.Status.CANCELLED;
            return new UnitSummary(project.owner().id(), project.owner().name(), cancelled ? 0 : 1,
                    project.status() == Project.Status.DONE ? 1 : 0, project.overdueOn(today) ? 1 : 0,
                    cancelled ? 1 : 0);
        }

        UnitSummary plus(UnitSummary other) {
            return new UnitSummary(unitId, unitName, claimed + other.claimed, done + other.done,
                    overdue + other.overdue, cancelled + other.cancelled);
        }
    }
}
