package org.linli.grid.notice;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import io.github.springwolf.core.asyncapi.annotations.AsyncOperation;
import io.github.springwolf.core.asyncapi.annotations.AsyncPublisher;
import org.linli.events.Topics;
import org.linli.events.grid.NoticePublished;
import org.linli.grid.grid.GridDirectory;
import org.linli.grid.grid.GridDirectory.GridView;
import org.linli.grid.household.HouseholdDirectory;
import org.linli.grid.household.HouseholdDirectory.HouseholdView;
import org.linli.grid.notice.DeliveryTask.Method;
import org.linli.grid.notice.DeliveryTask.Status;
import org.linli.grid.worker.WorkerDirectory;
import org.linli.grid.worker.WorkerDirectory.WorkerView;
import org.linli.platform.mongo.MongoPages;
import org.linli.platform.web.Caller;
import org.linli.platform.domain.NotFoundException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Publishes notices down a grid subtree, one delivery task per household for its grid worker, and
 * records acknowledgements. Tasks are written before the notice: the notice (and its NoticePublished
 * event) is stored only once every household has its task, so a published notice is never missing one.
 * A crash in between leaves tasks of a notice that does not exist; they are never listed (the task
 * list reads through published notices) and a retried publish writes a new notice.
 */
@Service
class NoticeService {

    private static final int BATCH = 1000;

    private final NoticeRepository notices;
    private final GridDirectory grids;
    private final HouseholdDirectory households;
    private final WorkerDirectory workers;
    private final MongoOperations mongo;
    private final Clock clock;

    NoticeService(NoticeRepository notices, GridDirectory grids, HouseholdDirectory households,
                  WorkerDirectory workers, MongoOperations mongo, Clock clock) {
        this.notices = notices;
        this.grids = grids;
        this.households = households;
        this.workers = workers;
        this.mongo = mongo;
        this.clock = clock;
    }

    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.GRID_EVENTS, payloadType = NoticePublished.class,
            description = "a notice was published to a grid subtree"))
    Notice publish(Caller caller, String gridId, Notice.Kind kind, String title, String body) {
        GridView root = grids.visibleTo(caller, gridId);
        List<HouseholdView> recipients = households.householdsUnder(root.path());
        String noticeId = Notice.newId();
        Notice notice = Notice.publish(noticeId, root, kind, title, body, caller.username(), recipients.size(),
                clock.instant());
        Map<String, GridView> subtree = grids.subtree(root).stream()
                .collect(Collectors.toMap(GridView::id, Function.identity()));
        Map<String, Optional<WorkerView>> workerOfGrid = new HashMap<>();
        List<DeliveryTask> tasks = new ArrayList<>(BATCH);
        for (HouseholdView household : recipients) {
            GridView grid = subtree.get(household.gridId());
            WorkerView worker = workerOfGrid.computeIfAbsent(household.gridId(), id -> nearestWorker(grid))
                    .orElse(null);
            tasks.add(new DeliveryTask(noticeId, household, grid.communityPath(), worker));
            if (tasks.size() == BATCH) {
                mongo.insert(tasks, DeliveryTask.class);
                tasks.clear();
            }
        }
        mongo.insert(tasks, DeliveryTask.class);
        return notices.insert(notice);
    }

    Notice get(Caller caller, String id) {
        Notice notice = notices.findById(id).orElseThrow(() -> new NotFoundException("notice", id));
        if (!caller.covers(notice.communityPath())) {
            throw new AccessDeniedException("notice " + id + " is outside the caller's scope");
        }
        return notice;
    }

    Page<Notice> list(Caller caller, String gridId, Pageable pageable) {
        List<Criteria> filters = new ArrayList<>();
        if (gridId != null) {
            filters.add(Criteria.where("gridPath").regex("^" + Pattern.quote(grids.visibleTo(caller, gridId).path())));
        }
        scope(caller, filters);
        Pageable newestFirst = pageable.getSort().isSorted() ? pageable
                : PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), Sort.by(Sort.Direction.DESC, "publishedAt"));
        return page(filters, newestFirst, Notice.class);
    }

    /** Tasks of a notice, or the caller's own task list ({@code mine}) across published notices. */
    Page<DeliveryTask> tasks(Caller caller, String noticeId, boolean mine, Status status, Pageable pageable) {
        List<Criteria> filters = new ArrayList<>();
        if (noticeId != null) {
            filters.add(Criteria.where("noticeId").is(get(caller, noticeId).id()));
        } else {
            filters.add(Criteria.where("noticeId").in(publishedNoticeIdsVisibleTo(caller)));
        }
        if (mine) {
            filters.add(Criteria.where("workerAccountId").is(caller.accountId()));
        }
        if (status != null) {
            filters.add(Criteria.where("status").is(status));
        }
        scope(caller, filters);
        return page(filters, pageable, DeliveryTask.class);
    }

    /**
     * Records that a household acknowledged the notice. Idempotent: the task moves PENDING → ACKNOWLEDGED
     * once (a conditional single-document update), and only that move counts on the notice, so a retried
     * acknowledgement neither fails nor counts twice. The notice's full-delivery moment is set by the
     * acknowledgement that completes the count.
     */
    DeliveryTask acknowledge(Caller caller, String noticeId, String householdId, Method method) {
        Notice notice = get(caller, noticeId);
        String taskId = DeliveryTask.idOf(notice.id(), householdId);
        DeliveryTask task = mongo.findById(taskId, DeliveryTask.class);
        if (task == null) {
            throw new NotFoundException("delivery-task", taskId);
        }
        if (!caller.covers(task.communityPath())) {
            throw new AccessDeniedException("household " + householdId + " is outside the caller's scope");
        }
        Instant now = clock.instant();
        DeliveryTask moved = mongo.findAndModify(
                Query.query(Criteria.where("_id").is(taskId).and("status").is(Status.PENDING)),
                new Update().set("status", Status.ACKNOWLEDGED).set("method", method)
                        .set("acknowledgedBy", caller.username()).set("acknowledgedAt", now),
                FindAndModifyOptions.options().returnNew(true), DeliveryTask.class);
        if (moved == null) {
            return task;
        }
        Notice counted = mongo.findAndModify(Query.query(Criteria.where("_id").is(notice.id())),
                new Update().inc("acknowledgedCount", 1).inc("version", 1),
                FindAndModifyOptions.options().returnNew(true), Notice.class);
        if (counted != null && counted.acknowledgedCount() >= counted.householdCount()) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(notice.id()).and("fullyDeliveredAt").is(null)),
                    new Update().set("fullyDeliveredAt", now).inc("version", 1), Notice.class);
        }
        return moved;
    }

    /** The active worker of the grid, or of the nearest grid above it that has one. */
    private Optional<WorkerView> nearestWorker(GridView grid) {
        String[] chain = grid.path().split("/");
        for (int i = chain.length - 1; i >= 0; i--) {
            if (!chain[i].isEmpty()) {
                Optional<WorkerView> worker = workers.activeWorkerOf(chain[i]);
                if (worker.isPresent()) {
                    return worker;
                }
            }
        }
        return Optional.empty();
    }

    private List<String> publishedNoticeIdsVisibleTo(Caller caller) {
        Query query = caller.isCountyWide() ? new Query()
                : Query.query(Criteria.where("communityPath").regex("^" + Pattern.quote(caller.orgUnitPath())));
        query.fields().include("_id");
        return mongo.find(query, Notice.class).stream().map(Notice::id).toList();
    }

    private static void scope(Caller caller, List<Criteria> filters) {
        if (!caller.isCountyWide()) {
            filters.add(Criteria.where("communityPath").regex("^" + Pattern.quote(caller.orgUnitPath())));
        }
    }

    private <T> Page<T> page(List<Criteria> filters, Pageable pageable, Class<T> type) {
        Criteria criteria = MongoPages.allOf(filters);
        Query query = Query.query(criteria).with(pageable);
        return MongoPages.page(mongo, query, pageable, type);
    }
}
