package org.linli.org.dualregistration;

import java.util.Collection;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface DualRegistrationRepository extends MongoRepository<DualRegistrationUnit, String> {

    /** Units paired with at least one community under the path. */
    Page<DualRegistrationUnit> findByPairingsPathStartingWith(String pathPrefix, Pageable pageable);

    /**
     * Of those, the units without any project in the year recorded on them, leaving out {@code claimedElsewhere}
     * (the units with a claim in the project list).
     */
    Page<DualRegistrationUnit> findByProjectsYearNotAndIdNotInAndPairingsPathStartingWith(
            int year, Collection<String> claimedElsewhere, String pathPrefix, Pageable pageable);
}
