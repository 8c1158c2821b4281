package org.linli.org.identity;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface AccountRepository extends MongoRepository<Account, String> {

    Optional<Account> findByUsername(String username);

    boolean existsByUsername(String username);

    Page<Account> findByOrgUnitPathStartingWith(String pathPrefix, Pageable pageable);

    /** The holders of a role (few for the duties: read whole). */
    List<Account> findByRolesContaining(Role role);
}
