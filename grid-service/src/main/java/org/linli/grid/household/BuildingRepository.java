package org.linli.grid.household;

import org.springframework.data.mongodb.repository.MongoRepository;

interface BuildingRepository extends MongoRepository<Building, String> {
}
