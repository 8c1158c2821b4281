package org.linli.issue.issue;

import org.springframework.data.mongodb.repository.MongoRepository;

interface IssueRepository extends MongoRepository<Issue, String> {
}
