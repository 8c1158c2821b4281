package org.linli.org.unit;

import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import io.github.springwolf.core.asyncapi.annotations.AsyncOperation;
import io.github.springwolf.core.asyncapi.annotations.AsyncPublisher;
import java.util.Optional;
import org.linli.events.Topics;
import org.linli.events.org.OrgUnitCreated;
import org.linli.events.org.OrgUnitDeactivated;
import org.linli.events.org.OrgUnitLinksChanged;
import org.linli.events.org.OrgUnitMoved;
import org.linli.events.org.OrgUnitRenamed;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.web.Caller;
import org.linli.platform.domain.NewIds;
import org.linli.platform.domain.NotFoundException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/** Changes and reads org units within the caller's org scope. */
@Service
class OrgUnitService {

    private final OrgUnitRepository units;
    private final HierarchyTemplateRepository templates;
    private final SubtreeRebaser rebaser;
    private final UnitMembers members;
    private final Clock clock;

    OrgUnitService(OrgUnitRepository units, HierarchyTemplateRepository templates, SubtreeRebaser rebaser,
                   UnitMembers members, Clock clock) {
        this.units = units;
        this.templates = templates;
        this.rebaser = rebaser;
        this.members = members;
        this.clock = clock;
    }

    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = OrgUnitCreated.class,
            description = "an org unit was created"))
    OrgUnit create(Caller caller, OrgUnitType type, String name, String parentId, String templateId) {
        Optional<OrgUnit> earlier = NewIds.alreadyCreated(units::findById);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        if (parentId == null) {
            if (!caller.isCountyWide()) {
                throw new AccessDeniedException("only county-wide accounts create top units");
            }
            if (templateId == null) {
                throw new BusinessRuleViolation("template-required", "a top unit names its region's template");
            }
            return units.save(OrgUnit.root(template(templateId), type, name, clock.instant()));
        }
        OrgUnit parent = visible(caller, parentId);
        return units.save(parent.createChild(template(parent.templateId()), type, name, clock.instant()));
    }

    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = OrgUnitRenamed.class,
            description = "an org unit was renamed"))
    OrgUnit rename(Caller caller, String id, String name, long version) {
        OrgUnit unit = current(visible(caller, id), version);
        unit.rename(name, clock.instant());
        return units.save(unit);
    }

    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = OrgUnitMoved.class,
            description = "an org unit moved under a new parent; its subtree's paths changed"))
    OrgUnit move(Caller caller, String id, String newParentId, long version) {
        OrgUnit unit = current(visible(caller, id), version);
        OrgUnit newParent = visible(caller, newParentId);
        unit.moveUnder(newParent, template(unit.templateId()), clock.instant());
        OrgUnit saved = units.save(unit);
        rebaser.completeMove(saved);
        return saved;
    }

    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = OrgUnitDeactivated.class,
            description = "an org unit was deactivated"))
    OrgUnit deactivate(Caller caller, String id, long version) {
        OrgUnit unit = current(visible(caller, id), version);
        unit.deactivate(units.countByParentIdAndStatus(id, OrgUnit.Status.ACTIVE), members.activeMembersIn(id),
                clock.instant());
        return units.save(unit);
    }

    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = OrgUnitLinksChanged.class,
            description = "the grids, compounds or companies an org unit is linked to changed"))
    OrgUnit link(Caller caller, String id, UnitLinks links, long version) {
        OrgUnit unit = current(visible(caller, id), version);
        unit.link(links, clock.instant());
        return units.save(unit);
    }

    OrgUnit get(Caller caller, String id) {
        return visible(caller, id);
    }

    Page<OrgUnit> list(Caller caller, String parentId, Pageable pageable) {
        if (parentId != null) {
            visible(caller, parentId);
            return units.findByParentId(parentId, pageable);
        }
        return caller.isCountyWide() ? units.findAll(pageable)
                : units.findByPathStartingWith(caller.orgUnitPath(), pageable);
    }

    /** Every unit below the unit, at any depth (of one type when given); the unit must be in the caller's scope. */
    Page<OrgUnit> subtree(Caller caller, String id, OrgUnitType type, Pageable pageable) {
        OrgUnit unit = visible(caller, id);
        return type == null ? units.findByPathStartingWithAndIdNot(unit.path(), id, pageable)
                : units.findByTypeAndPathStartingWithAndIdNot(type, unit.path(), id, pageable);
    }

    /** The units above the unit, top first, read off its path; the unit must be in the caller's scope. */
    List<OrgUnit> ancestors(Caller caller, String id) {
        OrgUnit unit = visible(caller, id);
        List<String> ids = Arrays.stream(unit.path().split("/")).filter(part -> !part.isEmpty() && !part.equals(id))
                .toList();
        Map<String, OrgUnit> found = new HashMap<>();
        units.findAllById(ids).forEach(ancestor -> found.put(ancestor.id(), ancestor));
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    List<HierarchyTemplate> templates() {
        return templates.findAll();
    }

    HierarchyTemplate addTemplate(HierarchyTemplate template) {
        if (templates.existsById(template.id())) {
            throw new BusinessRuleViolation("template-exists", "a template with this id exists", template.id());
        }
        return templates.save(template);
    }

    /** The unit, when the caller's scope covers it (403 otherwise, 404 when unknown). */
    OrgUnit visible(Caller caller, String id) {
        OrgUnit unit = units.findById(id).orElseThrow(() -> new NotFoundException("org-unit", id));
        if (!caller.covers(unit.path())) {
            throw new AccessDeniedException("org unit " + id + " is outside the caller's scope");
        }
        return unit;
    }

    private HierarchyTemplate template(String templateId) {
        return templates.findById(templateId)
                .orElseThrow(() -> new BusinessRuleViolation("unknown-template", "no such hierarchy template", templateId));
    }

    private static OrgUnit current(OrgUnit unit, long version) {
        if (unit.version() == null || unit.version() != version) {
            throw new OptimisticLockingFailureException("org unit " + unit.id() + " is at version " + unit.version());
        }
        return unit;
    }
}
