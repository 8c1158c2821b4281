package org.linli.org.unit;

import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface OrgUnitRepository extends MongoRepository<OrgUnit, String> {

    Page<OrgUnit> findByParentId(String parentId, Pageable pageable);

    Page<OrgUnit> findByPathStartingWith(String pathPrefix, Pageable pageable);

    Page<OrgUnit> findByPathStartingWithAndIdNot(String pathPrefix, String id, Pageable pageable);

    Page<OrgUnit> findByTypeAndPathStartingWithAndIdNot(OrgUnitType type, String pathPrefix, String id,
                                                        Pageable pageable);

    long countByParentIdAndStatus(String parentId, OrgUnit.Status status);

    List<OrgUnit> findByRebaseFromNotNull();

    boolean existsByNameAndParentIdIsNull(String name);
}
