package org.linli.platform.messaging;

import org.springframework.data.mongodb.repository.MongoRepository;

interface ParcelRepository extends MongoRepository<Parcel, String> {
}
