package org.linli.property.company;

import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

/** Property companies; other features read them through {@link Companies}. */
interface CompanyRepository extends MongoRepository<PropertyCompany, String> {

    Optional<PropertyCompany> findByCreditCode(String creditCode);
}
