package org.linli.issue.issue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bson.Document;
import org.linli.issue.place.Places;
import org.linli.issue.place.Route;
import org.linli.platform.web.BusinessRuleViolation;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Demo data: a season (the last 90 days) of issues on the grids issue-service knows, in every state,
 * made through the aggregate with past instants so that clocks, escalations and ratings are real.
 * Handlers are demo accounts ({@code demo-…}).
 */
@Tag(name = "Demo")
@RestController
class DemoIssues {

    static final int PER_GRID = 12;
    private static final int MAX_GRIDS = 30;
    private static final String[] DESCRIPTIONS = {"楼道灯不亮", "垃圾桶满溢未清运", "单元门门禁损坏", "小区路面塌陷",
            "楼上漏水", "车辆占用消防通道", "深夜广场舞噪音", "私搭乱建棚子", "暖气不热", "电动车楼道充电",
            "邻里因停车发生纠纷", "下水道堵塞"};

    private final Places places;
    private final IssueRepository issues;
    private final MongoOperations mongo;
    private final DeadlinePolicy policy;
    private final IssueSettings settings;
    private final Clock clock;

    DemoIssues(Places places, IssueRepository issues, MongoOperations mongo, DeadlinePolicy policy,
               IssueSettings settings, Clock clock) {
        this.places = places;
        this.issues = issues;
        this.mongo = mongo;
        this.policy = policy;
        this.settings = settings;
        this.clock = clock;
    }

    @Operation(summary = "Load a season of demo issues on the known grids",
            description = "Role: COUNTY_ADMIN. 12 issues per grid (up to 30 grids, finest first) over the last 90 days "
                    + "in every state: dispatched, open for claim, claimed, on site, in progress, held, resolved, "
                    + "closed with ratings, reopened, rejected, merged duplicates, escalated overdue ones. 422 no-grids "
                    + "until grid events have arrived; 422 demo-already-loaded the second time.")
    @PostMapping("/api/v1/issues/demo")
    @PreAuthorize("hasRole('COUNTY_ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> load() {
        List<Places.KnownGrid> grids = places.knownGrids(MAX_GRIDS);
        if (grids.isEmpty()) {
            throw new BusinessRuleViolation("no-grids", "no grids known yet");
        }
        try {
            mongo.insert(new Document("_id", "issues").append("loadedAt", clock.instant()), "demo_loads");
        } catch (DuplicateKeyException again) {
            throw new BusinessRuleViolation("demo-already-loaded", "the issue demo is already loaded");
        }
        Random random = new Random(42);
        Instant now = clock.instant();
        int created = 0;
        for (Places.KnownGrid grid : grids) {
            Route route = places.locate(grid.lat(), grid.lng(), grid.communityUnitId(), null);
            Issue openForClaim = null;
            for (int scenario = 0; scenario < PER_GRID; scenario++) {
                Instant at = now.minus(Duration.ofMinutes(60 + random.nextInt(90 * 24 * 60)));
                Category category = Category.values()[random.nextInt(Category.values().length)];
                Issue issue = Issue.report(new Issue.Report(category, null,
                                Channel.values()[random.nextInt(4)], DESCRIPTIONS[random.nextInt(DESCRIPTIONS.length)],
                                grid.lat(), grid.lng(), null, null, scenario % 3 == 0, "demo-resident-" + scenario,
                                "演示居民", "1380000" + String.format("%04d", scenario), null, List.of()),
                        route, settings.departmentFor(category), policy, at);
                play(issue, scenario, at, openForClaim);
                issue.applyClocks(policy, now);
                Issue saved = issues.save(issue);
                if (scenario == 1) {
                    openForClaim = saved;
                } else if (issue.status() == IssueStatus.DUPLICATE && openForClaim != null) {
                    openForClaim = issues.save(openForClaim);
                }
                created++;
            }
        }
        return Map.of("issues", created, "grids", grids.size());
    }

    /** Moves a fresh issue along its scenario, each step a few minutes after the previous one. */
    private void play(Issue issue, int scenario, Instant at, Issue original) {
        String worker = "demo-grid-worker-" + (issue.gridId() == null ? "queue" : issue.gridId());
        String member = "demo-party-member-" + scenario;
        Instant t = at;
        if (scenario == 0) {
            return; // left as routed: overdue by now, escalated by the clocks
        }
        if (scenario == 1) {
            issue.dispatch(null, null, policy, "demo-admin", t = t.plusSeconds(60));
            return;
        }
        if (scenario == 2 || scenario == 11) {
            issue.dispatch(null, null, policy, "demo-admin", t = t.plusSeconds(60));
            issue.claim(member, t = t.plusSeconds(120));
            if (scenario == 2) {
                return;
            }
            issue.arrive(member, t = t.plusSeconds(180));
            issue.resolve(member, HandlerKind.PARTY_MEMBER, "党员志愿者已处理", List.of(), policy,
                    t = t.plusSeconds(1200));
            issue.rate(5, true, "感谢党员同志", issue.reporterAccountId(), policy, t.plusSeconds(3600));
            return;
        }
        if (scenario == 10 && original != null && original.status().open()) {
            issue.mergeInto(original, "demo-admin", t.plusSeconds(120));
            return;
        }
        if (scenario == 9) {
            issue.reject("不属于社区受理范围，已告知居民向相关单位反映", "demo-admin", t.plusSeconds(300));
            return;
        }
        if (issue.status() == IssueStatus.REPORTED) {
            issue.dispatch(worker, null, policy, "demo-admin", t = t.plusSeconds(60));
        }
        issue.arrive(worker, t = t.plusSeconds(scenario == 3 ? 600 : 240));
        if (scenario == 3) {
            return;
        }
        issue.start(worker, t = t.plusSeconds(120));
        if (scenario == 4) {
            return;
        }
        if (scenario == 5) {
            issue.hold("需业委会表决维修资金", "demo-admin", t.plusSeconds(600));
            return;
        }
        issue.resolve(worker, HandlerKind.GRID_WORKER, "已到现场处理完毕", List.of(), policy, t = t.plusSeconds(1200));
        if (scenario == 6) {
            return; // unrated: closes by itself once the callback window has passed
        }
        if (scenario == 8) {
            issue.rate(2, true, "没有修好", issue.reporterAccountId(), policy, t.plusSeconds(7200));
            return;
        }
        if (scenario == 7) {
            issue.rate(4, true, null, issue.reporterAccountId(), policy, t.plusSeconds(5400));
        }
    }
}
