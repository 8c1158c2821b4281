package org.linli.grid.grid;

import java.util.Collection;
import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

interface GridRepository extends MongoRepository<Grid, String> {

    List<Grid> findByParentId(String parentId);

    List<Grid> findByParentIdIsNull();

    List<Grid> findByPathStartingWith(String pathPrefix);

    boolean existsByCommunityUnitIdIn(Collection<String> communityUnitIds);
}
