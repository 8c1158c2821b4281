package org.linli.org.personaldata;

import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface CorrectionRequestRepository extends MongoRepository<CorrectionRequest, String> {

    Page<CorrectionRequest> findByRequesterAccountId(String requesterAccountId, Pageable pageable);

    List<CorrectionRequest> findByRequesterAccountIdOrderByCreatedAtDesc(String requesterAccountId);
}
