package org.linli.property.ranking;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface RankingRepository extends MongoRepository<Ranking, String> {

    boolean existsByScopeMonth(String scopeMonth);

    Optional<Ranking> findByScopeMonth(String scopeMonth);

    Page<Ranking> findByScopeUnitId(String scopeUnitId, Pageable pageable);
}
