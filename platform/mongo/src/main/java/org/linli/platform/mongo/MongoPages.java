package org.linli.platform.mongo;

import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.support.PageableExecutionUtils;

/** Paged reads every service's list endpoints share: one page of a query and, when needed, its total. */
public final class MongoPages {

    private MongoPages() {
    }

    /**
     * The page of {@code query} (already carrying {@code pageable}) and the count of everything it matches;
     * the count is skipped when the page shows it is the last one.
     */
    public static <T> Page<T> page(MongoOperations mongo, Query query, Pageable pageable, Class<T> type) {
        return PageableExecutionUtils.getPage(mongo.find(query, type), pageable,
                () -> mongo.count(Query.of(query).limit(-1).skip(-1), type));
    }

    /**
     * One page of a list computed in memory from what the store answered (a ranking, a merge), with its total; an
     * unpaged request gets the whole list.
     */
    public static <T> Page<T> page(List<T> all, Pageable pageable) {
        if (pageable.isUnpaged()) {
            return new PageImpl<>(all);
        }
        int from = (int) Math.min(pageable.getOffset(), all.size());
        int to = Math.min(from + pageable.getPageSize(), all.size());
        return new PageImpl<>(all.subList(from, to), pageable, all.size());
    }

    /** All the filters together; no filter matches everything. */
    public static Criteria allOf(List<Criteria> filters) {
        return filters.isEmpty() ? new Criteria() : new Criteria().andOperator(filters);
    }
}
