package org.linli.org.identity;

import org.springframework.data.mongodb.repository.MongoRepository;

interface RefreshTokenRepository extends MongoRepository<RefreshToken, String> {
}
