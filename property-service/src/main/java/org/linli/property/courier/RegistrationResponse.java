package org.linli.property.courier;

import java.time.Instant;
import java.util.List;
import org.linli.platform.audit.UnmaskedReads;
import org.linli.platform.web.Caller;
import org.linli.platform.web.Roles;

/**
 * A courier registration as its courier and staff see it. The phone is whole for the courier and for admins (who
 * reach it only when covering its area; their read is recorded in the audit trail), masked otherwise and in lists.
 */
record RegistrationResponse(String id, String accountId, String personName, CourierKind kind, String kindLabel,
                            String company, String phone, String areaUnitId, String areaName,
                            CourierRegistration.Status status, String statusLabel, CourierRegistration.Review review,
                            Integer pushedCompounds, Instant pushedAt, List<AccessDecision> accessRequests,
                            Instant registeredAt, Long version) {

    private static final List<String> ADMINS = List.of(Roles.COUNTY_ADMIN, Roles.STREET_ADMIN, Roles.COMMUNITY_ADMIN);

    static RegistrationResponse of(CourierRegistration registration, List<AccessRequest> requests, Caller caller) {
        boolean own = registration.heldBy(caller.accountId());
        boolean whole = own || ADMINS.stream().anyMatch(caller::hasRole);
        if (whole && !own) {
            UnmaskedReads.record(registration.accountId(), "courier-registration", registration.id(), "phone");
        }
        return of(registration, requests, whole);
    }

    /** In a staff list: masked. */
    static RegistrationResponse listed(CourierRegistration registration) {
        return of(registration, List.of(), false);
    }

    private static RegistrationResponse of(CourierRegistration registration, List<AccessRequest> requests,
                                           boolean wholePhone) {
        return new RegistrationResponse(registration.id(), registration.accountId(), registration.personName(),
                registration.kind(), registration.kind().label(), registration.company(),
                wholePhone ? registration.phone().value() : registration.phone().masked(), registration.areaUnitId(),
                registration.areaName(), registration.status(), registration.status().label(), registration.review(),
                registration.pushedCompounds(), registration.pushedAt(),
                requests.stream().map(AccessDecision::of).toList(), registration.registeredAt(),
                registration.version());
    }

    /** One compound's access request as the courier sees it: the company's decision, if made. */
    record AccessDecision(String id, String compoundId, String compoundName, AccessRequest.Status status,
                          String statusLabel, AccessRequest.Decision decision) {

        static AccessDecision of(AccessRequest request) {
            return new AccessDecision(request.id(), request.compoundId(), request.compoundName(), request.status(),
                    request.status().label(), request.decision());
        }
    }
}
