package org.linli.property.compound;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.data.mongodb.repository.Query;

interface CompoundRepository extends MongoRepository<Compound, String> {

    @Query("{ 'contracts.id': ?0 }")
    Optional<Compound> findByContractId(String contractId);

    @Query("{ 'contracts.companyId': ?0 }")
    List<Compound> findEverServedBy(String companyId);

    boolean existsByCommunityUnitIdIn(Collection<String> communityUnitIds);
}
