package org.linli.org.dualregistration;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface DualRegistrationRepository extends MongoRepository<DualRegistrationUnit, String> {

    /** Units paired with at least one community under the path. */
    Page<DualRegistrationUnit> findByPairingsPathStartingWith(String pathPrefix, Pageable pageable);

    /** Of those, the units without any project in the year. */
    Page<DualRegistrationUnit> findByProjectsYearNotAndPairingsPathStartingWith(int year, String pathPrefix,
                                                                              Pageable pageable);
}
