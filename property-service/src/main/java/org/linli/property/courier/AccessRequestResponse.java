package org.linli.property.courier;

import java.time.Instant;

/** An access request as the property company sees it: the compound, the courier (phone masked) and the decision. */
record AccessRequestResponse(String id, String compoundId, String compoundName, String registrationId,
                             String personName, CourierKind kind, String kindLabel, String company, String phone,
                             String areaName, AccessRequest.Status status, String statusLabel,
                             AccessRequest.Decision decision, Instant requestedAt, Long version) {

    static AccessRequestResponse of(AccessRequest request, CourierRegistration registration) {
        return new AccessRequestResponse(request.id(), request.compoundId(), request.compoundName(),
                request.registrationId(), registration.personName(), registration.kind(), registration.kind().label(),
                registration.company(), registration.phone().masked(), registration.areaName(), request.status(),
                request.status().label(), request.decision(), request.requestedAt(), request.version());
    }
}
