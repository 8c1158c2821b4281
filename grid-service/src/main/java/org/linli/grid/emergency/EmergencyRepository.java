package org.linli.grid.emergency;

import org.springframework.data.mongodb.repository.MongoRepository;

interface EmergencyRepository extends MongoRepository<Emergency, String> {
}
