package org.linli.org.company;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface PropertyCompanyPartyStatusRepository extends MongoRepository<PropertyCompanyPartyStatus, String> {

    Page<PropertyCompanyPartyStatus> findByUnitPathStartingWith(String pathPrefix, Pageable pageable);
}
