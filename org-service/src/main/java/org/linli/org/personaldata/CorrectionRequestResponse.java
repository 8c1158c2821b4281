package org.linli.org.personaldata;

import java.time.Instant;

/** A correction request as its requester and the answering admins see it. */
record CorrectionRequestResponse(String id, String requesterAccountId, String requesterUsername, String unitId,
                                 PersonalDataPart part, String recordId, String field, String requestedValue,
                                 String reason, CorrectionRequest.Status status, String statusLabel, String answer,
                                 String answeredBy, Instant answeredAt, Instant createdAt, Long version) {

    static CorrectionRequestResponse of(CorrectionRequest request) {
        return new CorrectionRequestResponse(request.id(), request.requesterAccountId(), request.requesterUsername(),
                request.unitId(), request.part(), request.recordId(), request.field(), request.requestedValue(),
                request.reason(), request.status(), request.status().label(), request.answer(), request.answeredBy(),
                request.answeredAt(), request.createdAt(), request.version());
    }
}
