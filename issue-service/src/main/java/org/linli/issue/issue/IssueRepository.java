package org.linli.issue.issue;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

interface IssueRepository extends MongoRepository<Issue, String> {

    /** The issues the account reported, the latest first. */
    List<Issue> findByReporterAccountIdOrderByReportedAtDesc(String reporterAccountId);
}
