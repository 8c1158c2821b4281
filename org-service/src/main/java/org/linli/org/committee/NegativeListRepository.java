package org.linli.org.committee;

import java.util.Collection;
import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

interface NegativeListRepository extends MongoRepository<NegativeListEntry, String> {

    boolean existsByIdNumberHash(String idNumberHash);

    List<NegativeListEntry> findByIdNumberHashIn(Collection<String> idNumberHashes);
}
