package org.linli.e2e.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.linli.e2e.client.Session;
import org.linli.e2e.demo.County.Community;

/**
 * 志愿服务 in the first community, run by {@code demo.community}, beyond yesterday's visit: the rules over what the
 * activities record and the volunteer's side of the record.
 *
 * <ul>
 *   <li>Three past activities (the 15th of last month, 10 and 3 days ago), each recorded from its sheet:
 *       {@code demo.courier} attended two hours and is credited; {@code demo.neighbour} signed up and never came.
 *       Confirming the third puts the neighbour on the black list by the no-show rule (报名后3次未到场), and the
 *       neighbour appeals; the appeal waits for the community. Last month's activity gives the first community
 *       last month's volunteering, so the street's community list of last month has a red line and is published
 *       ({@link DemoCommunityList}).</li>
 *   <li>An activity under way today: {@code demo.resident} signs up themselves; the organiser records 90 minutes,
 *       which the resident disputes (they stayed two hours): not credited until the organiser records the times
 *       again, so the activity stays open.</li>
 * </ul>
 */
final class DemoVolunteering {

    private static final String ACTIVITIES = "/api/v1/activities";

    private final County county;
    private final Session community;

    DemoVolunteering(County county, Session community) {
        this.county = county;
        this.community = community;
    }

    /** The three past activities with a courier attending and a neighbour who never came; the neighbour appeals. */
    void noShows(DemoAccounts accounts, Session neighbour) {
        LocalDate today = LocalDate.now(DemoSeason.COUNTY_ZONE);
        String courier = accounts.role(DemoAccounts.COURIER).id();
        String noShow = accounts.role(DemoAccounts.NEIGHBOUR).id();
        List<LocalDate> days = List.of(YearMonth.from(today).minusMonths(1).atDay(15), today.minusDays(10),
                today.minusDays(3));
        List<String> titles = List.of("快递小哥志愿服务队：为独居老人送年货上门", "楼道小广告集中清理", "反诈宣传进小区");
        List<String> types = List.of("ELDERLY_VISIT", "CLEAN_UP", "PUBLICITY");
        for (int k = 0; k < days.size(); k++) {
            Instant start = days.get(k).atTime(LocalTime.of(14, 0)).atZone(DemoSeason.COUNTY_ZONE).toInstant();
            String path = ACTIVITIES + "/" + launch(titles.get(k), types.get(k), start, Duration.ofHours(3));
            community.post(path + "/enrolments", Map.of("accountId", courier)).expect(201);
            community.post(path + "/enrolments", Map.of("accountId", noShow)).expect(201);
            attend(path, courier, start, Duration.ofHours(2));
            community.post(path + "/confirmation", Map.of()).ok();
        }
        String entry = neighbour.get("/api/v1/honour-lists/black-list/mine").ok().path(0).path("id").asString();
        neighbour.post("/api/v1/honour-lists/black-list/" + entry + "/appeal", Map.of("reason",
                "三次活动期间我都在医院陪护老人，报名后没能请假，已补交住院证明")).ok();
    }

    /** Today's activity under way: the resident's own sign-up and their dispute of the 90 minutes recorded. */
    void disputedHours(DemoAccounts accounts, Session resident) {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(2));
        String path = ACTIVITIES + "/" + launch("社区义诊志愿服务", "OTHER", start, Duration.ofHours(4));
        resident.post(path + "/sign-ups", Map.of()).expect(201);
        attend(path, accounts.role("RESIDENT").id(), start, Duration.ofMinutes(90));
        resident.put(path + "/participants/me/hours", Map.of("agree", false,
                "reason", "我服务满了两个小时，登记少了半小时")).ok();
    }

    private String launch(String title, String type, Instant start, Duration length) {
        Community first = county.communities.get(0);
        return community.post(ACTIVITIES, Map.of("communityUnitId", first.unitId, "title", title, "type", type,
                        "place", first.name + "党群服务站", "startsAt", start.toString(),
                        "endsAt", start.plus(length).toString(), "capacity", 20))
                .expect(201).path("id").asString();
    }

    /** The organiser records a check-in at the start and a check-out {@code stayed} later. */
    private void attend(String path, String accountId, Instant start, Duration stayed) {
        community.post(path + "/check-ins", Map.of("accountId", accountId, "at", start.toString())).ok();
        community.post(path + "/check-outs", Map.of("accountId", accountId, "at", start.plus(stayed).toString())).ok();
    }
}
