package org.linli.issue.issue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.linli.platform.web.Caller;
import org.linli.platform.domain.NotFoundException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.linli.platform.mongo.MongoPages;
import org.springframework.stereotype.Service;

/**
 * Reading issues (查询): one issue as its reader may see it, the list in a caller's scope, the Open311 search, a
 * meeting's agenda and an issue's photos. Changes nothing.
 */
@Service
public class IssueQueries {

    private final IssueRepository issues;
    private final MongoOperations mongo;
    private final PhotoStore photos;

    IssueQueries(IssueRepository issues, MongoOperations mongo, PhotoStore photos) {
        this.issues = issues;
        this.mongo = mongo;
        this.photos = photos;
    }

    Issue get(Caller caller, String id) {
        Issue issue = find(id);
        IssueAccess.requireReadable(caller, issue);
        return issue;
    }

    public Issue find(String id) {
        return issues.findById(id).orElseThrow(() -> new NotFoundException("issue", id));
    }

    /**
     * The issues a caller may list, newest first unless sorted otherwise: a resident their own (and anyone with
     * {@code mine}), department staff what is escalated to their department, other staff their scope's.
     */
    Page<Issue> list(Caller caller, Filter filter, Pageable pageable) {
        Criteria criteria = new Criteria();
        List<Criteria> all = new ArrayList<>();
        if (filter.mine() || !(IssueAccess.isScopedStaff(caller) || caller.hasRole("DEPARTMENT_STAFF"))) {
            all.add(Criteria.where("reporterAccountId").is(caller.accountId()));
        } else if (caller.hasRole("DEPARTMENT_STAFF") && !IssueAccess.isScopedStaff(caller)) {
            all.add(Criteria.where("level").is(EscalationLevel.DEPARTMENT));
            if (!caller.isCountyWide()) {
                all.add(Criteria.where("departmentUnitId").is(caller.orgUnitId()));
            }
        } else if (!caller.isCountyWide()) {
            all.add(Criteria.where("communityPath").regex("^" + Pattern.quote(caller.orgUnitPath())));
        }
        all.addAll(filter.criteria());
        if (!all.isEmpty()) {
            criteria.andOperator(all.toArray(Criteria[]::new));
        }
        Query query = Query.query(criteria).with(pageable);
        if (pageable.getSort().isUnsorted()) {
            query.with(Sort.by(Sort.Direction.DESC, "reportedAt"));
        }
        return MongoPages.page(mongo, query, pageable, Issue.class);
    }

    /** Open311 search: all issues (integration clients are county-wide), newest first. */
    public List<Issue> search(List<String> ids, Category category, Instant from, Instant to, Boolean open, int limit) {
        List<Criteria> all = new ArrayList<>();
        if (ids != null && !ids.isEmpty()) {
            all.add(Criteria.where("_id").in(ids));
        } else {
            all.add(Criteria.where("reportedAt").gte(from).lte(to));
        }
        if (category != null) {
            all.add(Criteria.where("category").is(category));
        }
        if (open != null) {
            all.add(open ? Criteria.where("status").nin(IssueStatus.FINAL) : Criteria.where("status").in(IssueStatus.FINAL));
        }
        Query query = Query.query(new Criteria().andOperator(all.toArray(Criteria[]::new)))
                .with(Sort.by(Sort.Direction.DESC, "reportedAt")).limit(limit);
        return mongo.find(query, Issue.class);
    }

    /** Open issues of a community escalated beyond the grid or under supervision (督办): a meeting's agenda. */
    public List<Issue> escalatedIn(String communityUnitId, int limit) {
        Query query = Query.query(Criteria.where("communityUnitId").is(communityUnitId)
                        .and("status").nin(IssueStatus.FINAL)
                        .orOperator(Criteria.where("level").nin(EscalationLevel.GRID), Criteria.where("supervised").is(true)))
                .with(Sort.by("reportedAt")).limit(limit);
        return mongo.find(query, Issue.class);
    }

    PhotoStore.Content photo(Caller caller, String id, String photoId) {
        return photoOf(get(caller, id), photoId);
    }

    /** A photo reported with the issue or with its resolution; 404 for any other. */
    PhotoStore.Content photoOf(Issue issue, String photoId) {
        if (!issue.photoIds().contains(photoId) && !issue.resolutionPhotoIds().contains(photoId)) {
            throw new NotFoundException("photo", photoId);
        }
        return photos.load(photoId).orElseThrow(() -> new NotFoundException("photo", photoId));
    }

    /** List filters, all optional. */
    record Filter(boolean mine, IssueStatus status, Category category, String gridId, String communityUnitId,
                  String compoundId, EscalationLevel level, Boolean supervised) {

        /** One criterion per filter given, on the stored field of the same name. */
        List<Criteria> criteria() {
            List<Criteria> all = new ArrayList<>();
            addIfGiven(all, "status", status);
            addIfGiven(all, "category", category);
            addIfGiven(all, "gridId", gridId);
            addIfGiven(all, "communityUnitId", communityUnitId);
            addIfGiven(all, "compoundId", compoundId);
            addIfGiven(all, "level", level);
            addIfGiven(all, "supervised", supervised);
            return all;
        }

        private static void addIfGiven(List<Criteria> all, String field, Object value) {
            if (value != null) {
                all.add(Criteria.where(field).is(value));
            }
        }
    }
}
