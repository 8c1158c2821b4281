package org.linli.org.appointment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import io.github.springwolf.core.asyncapi.annotations.AsyncOperation;
import io.github.springwolf.core.asyncapi.annotations.AsyncPublisher;
import org.linli.events.Topics;
import org.linli.events.org.CrossAppointmentEnded;
import org.linli.events.org.CrossAppointmentStarted;
import org.linli.org.appointment.CrossAppointment.NewAppointment;
import org.linli.org.committee.CommitteeDirectory;
import org.linli.org.unit.OrgUnitDirectory;
import org.linli.org.unit.OrgUnitDirectory.UnitView;
import org.linli.org.unit.OrgUnitType;
import org.linli.platform.mongo.MongoPages;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.web.Caller;
import org.linli.platform.domain.NotFoundException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/** Registers, ends and finds cross-appointments within the caller's org scope (403 outside it). */
@Service
class CrossAppointmentService {

    private final CrossAppointmentRepository appointments;
    private final MongoOperations mongo;
    private final OrgUnitDirectory units;
    private final CommitteeDirectory committees;
    private final Clock clock;

    CrossAppointmentService(CrossAppointmentRepository appointments, MongoOperations mongo, OrgUnitDirectory units,
                            CommitteeDirectory committees, Clock clock) {
        this.appointments = appointments;
        this.mongo = mongo;
        this.units = units;
        this.committees = committees;
        this.clock = clock;
    }

    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = CrossAppointmentStarted.class,
            description = "a cross-appointment (交叉任职) started"))
    CrossAppointment create(Caller caller, NewAppointment request) {
        UnitView community = units.find(request.communityUnitId())
                .orElseThrow(() -> notACommunity(request.communityUnitId()));
        if (!caller.covers(community.path())) {
            throw new AccessDeniedException("community " + community.id() + " is outside the caller's scope");
        }
        if (!community.active() || community.type() != OrgUnitType.COMMUNITY_COMMITTEE) {
            throw notACommunity(community.id());
        }
        if (!belongsTo(request, community)) {
            throw new BusinessRuleViolation("invalid-appointment-body",
                    "the body is not the community or one of its owners' committees", request.bodyKind().label(),
                    request.bodyId());
        }
        return appointments.save(CrossAppointment.start(request, community.path(), clock.instant()));
    }

    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = CrossAppointmentEnded.class,
            description = "a cross-appointment ended"))
    CrossAppointment end(Caller caller, String id, long version, LocalDate lastDay) {
        CrossAppointment appointment = visible(caller, id);
        if (!Objects.equals(appointment.version(), version)) {
            throw new OptimisticLockingFailureException("appointment " + id + " is at version "
                    + appointment.version() + ", not " + version);
        }
        appointment.end(lastDay, clock.instant());
        return appointments.save(appointment);
    }

    CrossAppointment get(Caller caller, String id) {
        return visible(caller, id);
    }

    Page<CrossAppointment> list(Caller caller, Filter filter, Pageable pageable) {
        List<Criteria> where = new ArrayList<>();
        if (!caller.isCountyWide()) {
            where.add(Criteria.where("unitPath").regex("^" + Pattern.quote(caller.orgUnitPath())));
        }
        if (filter.personName() != null) {
            where.add(Criteria.where("personName").is(filter.personName().strip()));
        }
        if (filter.bodyId() != null) {
            where.add(Criteria.where("bodyId").is(filter.bodyId()));
        }
        if (filter.companyId() != null) {
            where.add(Criteria.where("companyId").is(filter.companyId()));
        }
        if (filter.activeOn() != null) {
            where.add(Criteria.where("startsOn").lte(filter.activeOn()));
            where.add(new Criteria().orOperator(Criteria.where("endsOn").is(null),
                    Criteria.where("endsOn").gte(filter.activeOn())));
        }
        Query query = new Query(MongoPages.allOf(where)).with(pageable);
        return MongoPages.page(mongo, query, pageable, CrossAppointment.class);
    }

    /** A community body must be the community itself or one of its owners' committees; a company is another service's. */
    private boolean belongsTo(NewAppointment request, UnitView community) {
        return switch (request.bodyKind()) {
            case COMMUNITY_COMMITTEE -> request.bodyId().equals(community.id());
            case OWNERS_COMMITTEE -> committees.find(request.bodyId())
                    .filter(committee -> committee.communityUnitId().equals(community.id())).isPresent();
            case PROPERTY_COMPANY -> true;
        };
    }

    private CrossAppointment visible(Caller caller, String id) {
        CrossAppointment appointment = appointments.findById(id)
                .orElseThrow(() -> new NotFoundException("cross-appointment", id));
        if (!caller.covers(appointment.unitPath())) {
            throw new AccessDeniedException("appointment " + id + " is outside the caller's scope");
        }
        return appointment;
    }

    private static BusinessRuleViolation notACommunity(String unitId) {
        return new BusinessRuleViolation("invalid-community", "not an active community party committee", unitId);
    }

    /** List filters; {@code null} means no filter. */
    record Filter(String personName, String bodyId, String companyId, LocalDate activeOn) {
    }
}
