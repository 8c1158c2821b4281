package org.linli.grid.worker;

import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

interface GridWorkerRepository extends MongoRepository<GridWorker, String> {

    boolean existsByActiveKey(String activeKey);

    Optional<GridWorker> findByActiveKey(String activeKey);

    List<GridWorker> findByCommunityUnitId(String communityUnitId);

    List<GridWorker> findByAccountIdAndStatus(String accountId, GridWorker.Status status);

    /** Every appointment made with the account, current and past, the latest first. */
    List<GridWorker> findByAccountIdOrderByFromDesc(String accountId);
}
