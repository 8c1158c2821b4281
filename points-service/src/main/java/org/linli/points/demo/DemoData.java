package org.linli.points.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.linli.platform.web.BusinessRuleViolation;
import org.linli.platform.web.Caller;
import org.linli.points.activity.ActivityService;
import org.linli.points.orgcopy.OrgUnits;
import org.linli.points.orgcopy.OrgUnits.Community;
import org.linli.points.reward.RewardService;
import org.linli.points.scoring.ActivityType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Demo data for a new user to try: for the first four communities points-service knows, an exchange
 * list of rice, flour, oil and daily goods (DOMAIN.md §5: 积分超市, 兑换清单), and a season of twelve
 * weekend volunteer activities over the coming three months. Everything goes through the same
 * rules as any other list or activity.
 */
@Component
class DemoData {

    static final int COMMUNITIES = 4;
    private static final List<Good> CATALOGUE = List.of(
            new Good("五常大米 5kg", "社区积分超市 · 粮油", 100, 40, 2),
            new Good("特一粉 面粉 5kg", "社区积分超市 · 粮油", 80, 40, 2),
            new Good("花生油 5L", "社区积分超市 · 粮油", 150, 30, 1),
            new Good("洗衣液 2kg", "社区积分超市 · 日用品", 50, 60, 3),
            new Good("毛巾两条装", "社区积分超市 · 日用品", 20, 100, null));
    private static final List<Plan> SEASON = List.of(
            new Plan("清理楼道堆积物", ActivityType.CLEAN_UP, "各楼栋", 20),
            new Plan("走访慰问独居老人", ActivityType.ELDERLY_VISIT, "社区党群服务中心", 10),
            new Plan("邻里纠纷调解值班", ActivityType.MEDIATION, "社区调解室", 4),
            new Plan("夜间平安巡逻", ActivityType.PATROL, "小区主干道", 12),
            new Plan("垃圾分类政策宣传", ActivityType.PUBLICITY, "小区广场", 15),
            new Plan("背街小巷环境整治", ActivityType.CLEAN_UP, "红色巷道", 25));

    private final OrgUnits orgUnits;
    private final RewardService rewards;
    private final ActivityService activities;
    private final MongoOperations mongo;
    private final Clock clock;
    private final ZoneId zone;

    DemoData(OrgUnits orgUnits, RewardService rewards, ActivityService activities, MongoOperations mongo, Clock clock,
             @Value("${linli.zone:Asia/Shanghai}") ZoneId zone) {
        this.orgUnits = orgUnits;
        this.rewards = rewards;
        this.activities = activities;
        this.mongo = mongo;
        this.clock = clock;
        this.zone = zone;
    }

    Summary load(Caller caller) {
        List<Community> communities = orgUnits.firstCommunities(COMMUNITIES);
        if (communities.isEmpty()) {
            throw new BusinessRuleViolation("no-communities", "the demo needs a known community party committee");
        }
        if (mongo.exists(Query.query(Criteria.where("communityUnitId").is(communities.get(0).id())
                .and("name").is(CATALOGUE.get(0).name())), "rewards")) {
            throw new BusinessRuleViolation("demo-already-loaded", "the points demo data is already loaded");
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        int untilSaturday = (6 - today.getDayOfWeek().getValue() + 7) % 7;
        LocalDate firstSaturday = today.plusDays(untilSaturday == 0 ? 7 : untilSaturday);
        int goods = 0;
        int season = 0;
        for (Community community : communities) {
            for (Good good : CATALOGUE) {
                rewards.create(caller, community.id(), good.name(), good.description(), good.price(), good.stock(),
                        good.limit(), today, today.plusMonths(3));
                goods++;
            }
            for (int week = 0; week < 12; week++) {
                Plan plan = SEASON.get(week % SEASON.size());
                ZonedDateTime start = ZonedDateTime.of(firstSaturday.plusWeeks(week), LocalTime.of(9, 0), zone);
                activities.launch(caller, community.id(), plan.title(), plan.type(), community.name() + " " + plan.place(),
                        null, start.toInstant(), start.plusHours(3).toInstant(), plan.capacity(), null, null);
                season++;
            }
        }
        return new Summary(communities.size(), goods, season);
    }

    record Summary(int communities, int rewards, int activities) {
    }

    private record Good(String name, String description, long price, int stock, Integer limit) {
    }

    private record Plan(String title, ActivityType type, String place, int capacity) {
    }
}
