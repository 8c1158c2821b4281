package org.linli.org.personaldata;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.linli.org.personaldata.CorrectionRequest.Correction;
import org.linli.org.personaldata.CorrectionRequest.Decision;
import org.linli.org.personaldata.CorrectionRequest.Requester;
import org.linli.org.personaldata.CorrectionRequest.Status;
import org.linli.platform.mongo.MongoPages;
import org.linli.platform.web.Caller;
import org.linli.platform.domain.NewIds;
import org.linli.platform.domain.NotFoundException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Files, lists and answers correction requests; the aggregate guards scope and the one answer. */
@Service
class CorrectionRequests {

    private final CorrectionRequestRepository repository;
    private final MongoTemplate mongo;
    private final Clock clock;

    CorrectionRequests(CorrectionRequestRepository repository, MongoTemplate mongo, Clock clock) {
        this.repository = repository;
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Files the caller's request, routed to the unit of the caller's scope. */
    CorrectionRequest file(Caller caller, Correction correction) {
        Requester requester = new Requester(caller.accountId(), caller.username(), caller.orgUnitId(),
                caller.orgUnitPath());
        return repository.insert(CorrectionRequest.file(NewIds.next(), requester, correction, clock.instant()));
    }

    Page<CorrectionRequest> mine(Caller caller, Pageable pageable) {
        return repository.findByRequesterAccountId(caller.accountId(), pageable);
    }

    /** Every request of the caller, newest first, for the download (a resident files few). */
    List<CorrectionRequest> allOf(String accountId) {
        return repository.findByRequesterAccountIdOrderByCreatedAtDesc(accountId);
    }

    /** Requests whose unit lies in the admin's scope (county-wide admins see all), optionally by status. */
    Page<CorrectionRequest> inScope(Caller caller, Status status, Pageable pageable) {
        List<Criteria> criteria = new ArrayList<>();
        if (!caller.isCountyWide()) {
            criteria.add(Criteria.where("unitPath").regex("^" + Pattern.quote(caller.orgUnitPath())));
        }
        if (status != null) {
            criteria.add(Criteria.where("status").is(status));
        }
        Query query = criteria.isEmpty() ? new Query() : new Query(new Criteria().andOperator(criteria));
        return MongoPages.page(mongo, query.with(pageable), pageable, CorrectionRequest.class);
    }

    CorrectionRequest answer(Caller caller, String id, Decision decision, String text) {
        CorrectionRequest request = repository.findById(id)
                .orElseThrow(() -> new NotFoundException("correction-request", id));
        request.answer(new CorrectionRequest.Answerer() {
            @Override
            public String accountId() {
                return caller.accountId();
            }

            @Override
            public boolean covers(String unitPath) {
                return caller.covers(unitPath);
            }
        }, decision, text, clock.instant());
        return repository.save(request);
    }
}
