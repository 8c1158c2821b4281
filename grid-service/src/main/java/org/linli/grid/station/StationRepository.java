package org.linli.grid.station;

import java.util.Collection;
import org.springframework.data.mongodb.repository.MongoRepository;

interface StationRepository extends MongoRepository<Station, String> {

    boolean existsByCommunityUnitIdIn(Collection<String> communityUnitIds);
}
