package org.linli.org.identity;

import org.springframework.data.mongodb.repository.MongoRepository;

interface RefreshTokenRepository extends MongoRepository<RefreshToken, String> {

    /** Ends every session of an account (disabled, password changed or reset). */
    void deleteByAccountId(String accountId);
}
