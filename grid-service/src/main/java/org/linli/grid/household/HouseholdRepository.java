package org.linli.grid.household;

import org.springframework.data.mongodb.repository.MongoRepository;

interface HouseholdRepository extends MongoRepository<Household, String> {
}
