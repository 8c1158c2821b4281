package org.linli.property.sanction;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

interface SanctionRepository extends MongoRepository<Sanction, String> {

    List<Sanction> findByKind(SanctionKind kind);
}
