package org.linli.org.committee;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface OwnersCommitteeRepository extends MongoRepository<OwnersCommittee, String> {

    boolean existsByCompoundId(String compoundId);

    Page<OwnersCommittee> findByCommunityPathStartingWith(String pathPrefix, Pageable pageable);

    Page<OwnersCommittee> findByCompoundIdAndCommunityPathStartingWith(String compoundId, String pathPrefix,
                                                                      Pageable pageable);
}
