package org.linli.property.personaldata;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bson.Document;
import org.linli.property.courier.CourierRegistration;
import org.linli.property.supervision.Supervisor;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * What property-service holds about an account. The owners' registers, ballots and trust-account residents are
 * package-private to their features, so they are read here as stored documents and copied field by field into
 * the answer's records; supervisors and courier registrations through their aggregates.
 */
@Component
class PersonalData {

    private final MongoTemplate mongo;

    PersonalData(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Everything held about {@code account}, unmasked: it is for the account's holder. */
    PropertyPersonalData of(String account) {
        List<Ownership> ownerships = new ArrayList<>();
        List<BallotRecord> ballots = new ArrayList<>();
        for (Document register : mongo.find(Query.query(Criteria.where("owners.accountId").is(account)),
                Document.class, "owners_registers")) {
            String compoundId = register.getString("_id");
            for (Document owner : register.getList("owners", Document.class, List.of())) {
                if (account.equals(owner.getString("accountId"))) {
                    ownerships.add(Ownership.of(compoundId, owner, register.getList("units", Document.class, List.of())));
                    ballots.addAll(ballotsOf(compoundId, ownerIdOf(owner)));
                }
            }
        }
        List<SupervisorAppointment> supervisors = mongo.find(Query.query(Criteria.where("accountId").is(account)),
                Supervisor.class).stream().map(SupervisorAppointment::of).toList();
        List<Residency> residency = mongo.find(Query.query(Criteria.where("accountId").is(account)), Document.class,
                "compound_residents").stream().map(Residency::of).toList();
        List<CourierRecord> couriers = mongo.find(Query.query(Criteria.where("accountId").is(account)),
                CourierRegistration.class).stream().map(CourierRecord::of).toList();
        return new PropertyPersonalData(ownerships, ballots, supervisors, residency, couriers);
    }

    private List<BallotRecord> ballotsOf(String compoundId, String ownerId) {
        List<Object> decisions = mongo.find(Query.query(Criteria.where("compoundId").is(compoundId)), Document.class,
                "assembly_decisions").stream().map(decision -> decision.get("_id")).toList();
        if (decisions.isEmpty()) {
            return List.of();
        }
        return mongo.find(Query.query(Criteria.where("decisionId").in(decisions).and("voterKey").is(ownerId)),
                Document.class, "assembly_ballots").stream().map(BallotRecord::of).toList();
    }

    /** An embedded record's {@code id} is stored as {@code _id} by the mapping layer. */
    private static String ownerIdOf(Document owner) {
        Object id = owner.get("_id");
        return id == null ? owner.getString("id") : id.toString();
    }

    private static Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }

    /** The caller's part of property-service. */
    record PropertyPersonalData(List<Ownership> ownersRegisters, List<BallotRecord> assemblyBallots,
                                List<SupervisorAppointment> supervisorAppointments, List<Residency> trustResidency,
                                List<CourierRecord> courierRegistrations) {
    }

    /** The caller's registration as a courier or rider, as entered (phone whole), with the community's check. */
    record CourierRecord(String id, String personName, String kind, String company, String phone, String areaName,
                         String status, Instant registeredAt, String registeredBy) {

        static CourierRecord of(CourierRegistration registration) {
            return new CourierRecord(registration.id(), registration.personName(), registration.kind().name(),
                    registration.company(), registration.phone().value(), registration.areaName(),
                    registration.status().name(), registration.registeredAt(), registration.registeredBy());
        }
    }

    /** The caller's entry in a compound's owners' register and the units it owns (area in cm²). */
    record Ownership(String compoundId, String ownerId, String name, boolean committeeMember, List<OwnedUnit> units) {

        static Ownership of(String compoundId, Document owner, List<Document> units) {
            String ownerId = ownerIdOf(owner);
            return new Ownership(compoundId, ownerId, owner.getString("name"),
                    Boolean.TRUE.equals(owner.getBoolean("committeeMember")),
                    units.stream().filter(unit -> Objects.equals(ownerId, unit.getString("ownerId")))
                            .map(unit -> new OwnedUnit(unit.getString("number"), number(unit.get("areaCm2"))))
                            .toList());
        }

        private static long number(Object value) {
            return value instanceof Number n ? n.longValue() : 0;
        }
    }

    record OwnedUnit(String number, long areaCm2) {
    }

    /** A vote cast for the caller's register entry, online or entered from paper. */
    record BallotRecord(String decisionId, String choice, String channel, String ballotNumber, Instant castAt) {

        static BallotRecord of(Document ballot) {
            return new BallotRecord(ballot.getString("decisionId"), ballot.getString("choice"),
                    ballot.getString("channel"), ballot.getString("ballotNumber"), instant(ballot, "castAt"));
        }
    }

    record SupervisorAppointment(String compoundId, String name, LocalDate appointedOn, LocalDate dismissedOn) {

        static SupervisorAppointment of(Supervisor supervisor) {
            return new SupervisorAppointment(supervisor.compoundId(), supervisor.name(), supervisor.appointedOn(),
                    supervisor.dismissedOn());
        }
    }

    /** The caller registered as a resident of a compound with a trust account. */
    record Residency(String compoundId, Instant registeredAt) {

        static Residency of(Document resident) {
            return new Residency(resident.getString("compoundId"), instant(resident, "registeredAt"));
        }
    }
}
