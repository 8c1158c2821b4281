package org.linli.org.unit;

import org.springframework.data.mongodb.repository.MongoRepository;

interface HierarchyTemplateRepository extends MongoRepository<HierarchyTemplate, String> {
}
