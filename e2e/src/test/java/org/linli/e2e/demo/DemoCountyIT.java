package org.linli.e2e.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linli.e2e.AgainstRunningStack;
import org.linli.e2e.client.Gateway;
import org.linli.e2e.client.Session;
import tools.jackson.databind.JsonNode;

/**
 * A new user signs in with the accounts {@code ./linli demo} printed and finds the same county in
 * every service: the community admin's community has grids (grid-service), compounds placed in those
 * grids (property-service), issues routed to those grids and compounds (issue-service) and a points
 * supermarket (points-service); each role sees its part of it.
 */
@AgainstRunningStack
class DemoCountyIT {

    private static final Gateway GATEWAY = Gateway.fromEnvironment();
    private static String communityId;

    @BeforeAll
    static void theCommunityOfTheDemoAccounts() {
        communityId = GATEWAY.demoAccount(DemoAccounts.PREFIX + ".community").get("/api/v1/accounts/me").ok().path("orgUnitId").asString();
    }

    @Test
    void everyServiceShowsTheCommunityAdminTheSameCommunity() {
        Session admin = GATEWAY.demoAccount(DemoAccounts.PREFIX + ".community");
        JsonNode unit = admin.get("/api/v1/org-units/" + communityId).ok();
        assertThat(unit.path("type").asString()).isEqualTo("COMMUNITY_COMMITTEE");
        assertThat(admin.get("/api/v1/grids/org-units/" + communityId).ok().path("name").asString())
                .isEqualTo(unit.path("name").asString());

        Set<String> grids = ids(admin.get("/api/v1/grids?size=200").ok());
        List<JsonNode> compounds = content(admin.get("/api/v1/compounds?size=200&communityUnitId=" + communityId).ok());
        assertThat(compounds).isNotEmpty()
                .allSatisfy(compound -> assertThat(grids).contains(compound.path("gridId").asString()));
        Set<String> compoundIds = ids(admin.get("/api/v1/compounds?size=200&communityUnitId=" + communityId).ok());

        List<JsonNode> issues = content(admin.get("/api/v1/issues?size=200&communityUnitId=" + communityId).ok());
        assertThat(issues).hasSizeGreaterThanOrEqualTo(12).allSatisfy(issue -> {
            assertThat(grids).contains(issue.path("gridId").asString());
            if (!issue.path("compoundId").isNull() && !issue.path("compoundId").isMissingNode()) {
                assertThat(compoundIds).contains(issue.path("compoundId").asString());
            }
        });
        assertThat(issues.stream().map(issue -> issue.path("status").asString()).distinct())
                .contains("REPORTED", "DISPATCHED", "ON_SITE", "IN_PROGRESS", "RESOLVED", "CLOSED", "REOPENED",
                        "OPEN_FOR_CLAIM", "CLAIMED", "HELD", "REJECTED", "DUPLICATE");
        assertThat(content(admin.get("/api/v1/rewards?onOffer=true&communityUnitId=" + communityId).ok())).isNotEmpty();
        assertThat(content(admin.get("/api/v1/stations?communityUnitId=" + communityId).ok())).isNotEmpty();
    }

    @Test
    void theResidentFindsTheirIssuesPointsAndTheSupermarket() {
        Session resident = GATEWAY.demoAccount(DemoAccounts.PREFIX + ".resident");
        List<JsonNode> mine = content(resident.get("/api/v1/issues?mine=true").ok());
        assertThat(mine).hasSize(2).allSatisfy(issue ->
                assertThat(issue.path("communityUnitId").asString()).isEqualTo(communityId));
        assertThat(resident.get("/api/v1/points/accounts/me").ok().path("balance").asLong()).isPositive();
        assertThat(content(resident.get("/api/v1/rewards?onOffer=true&communityUnitId=" + communityId).ok())).isNotEmpty();
    }

    @Test
    void theGridWorkerAndThePartyMemberFindTheirWork() {
        Session worker = GATEWAY.demoAccount(DemoAccounts.PREFIX + ".worker");
        assertThat(content(worker.get("/api/v1/issues?size=200").ok()))
                .anySatisfy(issue -> assertThat(issue.path("status").asString()).isEqualTo("DISPATCHED"));
        Session member = GATEWAY.demoAccount(DemoAccounts.PREFIX + ".member");
        assertThat(content(member.get("/api/v1/issues?size=200&status=CLAIMED").ok())).isNotEmpty();
        assertThat(member.get("/api/v1/points/accounts/me").ok().path("balance").asLong()).isPositive();
    }

    @Test
    void thePropertyStaffSeeTheCompoundsTheirCompanyServesInTheCounty() {
        Session staff = GATEWAY.demoAccount(DemoAccounts.PREFIX + ".property");
        String companyId = staff.get("/api/v1/accounts/me").ok().path("companyId").asString();
        assertThat(staff.get("/api/v1/property-companies/" + companyId).ok().path("partyStatus").asString())
                .isNotEqualTo("NONE");
        assertThat(content(staff.get("/api/v1/compounds?size=200").ok())).isNotEmpty()
                .allSatisfy(compound -> assertThat(compound.path("currentContract").path("companyId").asString())
                        .isEqualTo(companyId));
    }

    @Test
    void theStreetAdminAndTheHousingDepartmentSeeTheWholeCounty() {
        JsonNode coverage = GATEWAY.demoAccount(DemoAccounts.PREFIX + ".street").get("/api/v1/org-units/coverage").ok();
        assertThat(coverage.path("unitsPerType").path("COMMUNITY_COMMITTEE").asInt()).isPositive();
        Session housing = GATEWAY.demoAccount(DemoAccounts.PREFIX + ".housing");
        assertThat(content(housing.get("/api/v1/compounds/unmanaged").ok())).isEmpty();
        assertThat(housing.get("/api/v1/evaluations/kpis").ok().path("managementCoverage").path("percent").asDouble())
                .isEqualTo(100.0);
    }

    @Test
    void theStreetSeesOverduePatrolsOfDifficultCompoundsAndTheResidentSupervisesOne() {
        Session street = GATEWAY.demoAccount(DemoAccounts.PREFIX + ".street");
        List<JsonNode> overdue = content(street.get("/api/v1/patrol-assignments/overdue?size=200").ok());
        assertThat(overdue).as("包保 assignments whose fortnightly patrol is overdue").isNotEmpty()
                .allSatisfy(assignment -> assertThat(assignment.path("patrols")).isNotEmpty());
        JsonNode patrols = street.get("/api/v1/evaluations/kpis").ok().path("overduePatrols");
        assertThat(patrols.path("base").asLong()).as("assignments in force").isGreaterThan(patrols.path("part").asLong());

        Session community = GATEWAY.demoAccount(DemoAccounts.PREFIX + ".community");
        String residentId = GATEWAY.demoAccount(DemoAccounts.PREFIX + ".resident").get("/api/v1/accounts/me").ok()
                .path("id").asString();
        List<String> compounds = content(community.get("/api/v1/compounds?size=200&communityUnitId=" + communityId).ok())
                .stream().map(compound -> compound.path("id").asString()).toList();
        assertThat(compounds).as("a compound of the community the demo resident supervises").anySatisfy(id ->
                assertThat(community.get("/api/v1/compounds/" + id + "/supervisors").ok())
                        .anySatisfy(supervisor -> assertThat(supervisor.path("accountId").asString()).isEqualTo(residentId)));
    }

    @Test
    void theFirstCommunityHasAVotePassedAndOneFailedOnQuorumAndTheDemoResidentReadsTheResult() {
        Session admin = GATEWAY.demoAccount(DemoAccounts.PREFIX + ".community");
        Session resident = GATEWAY.demoAccount(DemoAccounts.PREFIX + ".resident");
        List<JsonNode> decisions = new java.util.ArrayList<>();
        for (JsonNode compound : content(admin.get("/api/v1/compounds?size=200&communityUnitId=" + communityId).ok())) {
            decisions.addAll(content(admin.get("/api/v1/assembly-decisions?compoundId=" + compound.path("id").asString())
                    .ok()));
        }
        assertThat(decisions).extracting(d -> d.path("result").path("verdict").asString())
                .contains("PASSED", "FAILED_QUORUM");
        JsonNode passed = decisions.stream().filter(d -> d.path("result").path("verdict").asString().equals("PASSED"))
                .findFirst().orElseThrow();
        assertThat(resident.get("/api/v1/assembly-decisions/" + passed.path("id").asString()).ok()
                .path("preparation")).hasSize(3);
    }

    @Test
    void thePublicPageHasLastMonthsRankingTheCautionListAndTheCommunitysPublishedMeeting() {
        Session anonymous = GATEWAY.anonymous();
        String lastMonth = YearMonth.now(DemoSeason.COUNTY_ZONE).minusMonths(1).toString();
        assertThat(content(anonymous.get("/api/v1/rankings/published?scopeUnitId=county").ok())).anySatisfy(ranking -> {
            assertThat(ranking.path("month").asString()).isEqualTo(lastMonth);
            assertThat(ranking.path("companyCount").asInt()).isPositive();
        });
        assertThat(content(anonymous.get("/api/v1/sanctions/caution-list?size=200").ok())).isNotEmpty();
        assertThat(content(anonymous.get("/api/v1/meetings/published?communityUnitId=" + communityId).ok()))
                .isNotEmpty()
                .allSatisfy(meeting -> assertThat(meeting.path("communityName").asString()).endsWith("社区党委"));
    }

    @Test
    void theFirstCommunityShowsCommitteesRatingsNoticesCampaignsMediationAndCouriers() {
        Session community = GATEWAY.demoAccount(DemoAccounts.PREFIX + ".community");
        assertThat(content(community.get("/api/v1/owners-committees").ok())).hasSizeGreaterThanOrEqualTo(2)
                .anySatisfy(committee -> assertThat(committee.path("decisions")).isNotEmpty());
        assertThat(content(community.get("/api/v1/appointments").ok())).hasSizeGreaterThanOrEqualTo(3);
        assertThat(content(community.get("/api/v1/notices").ok())).anySatisfy(notice ->
                assertThat(notice.path("acknowledged").asInt()).isPositive()
                        .isLessThan(notice.path("households").asInt()));
        JsonNode campaign = content(community.get("/api/v1/campaigns?hazard=FLYING_LEAD_CHARGING").ok()).stream()
                .filter(launched -> launched.path("areaUnitId").asString().equals(communityId)).findFirst()
                .orElseThrow();
        JsonNode totals = community.get("/api/v1/campaigns/" + campaign.path("id").asString() + "/report").ok()
                .path("totals");
        assertThat(totals.path("fixed").asInt()).isPositive();
        assertThat(totals.path("overdue").asInt()).isPositive();
        assertThat(content(community.get("/api/v1/disputes?communityUnitId=" + communityId).ok()))
                .extracting(dispute -> dispute.path("status").asString()).contains("MEDIATED", "REFERRED");
        assertThat(content(community.get("/api/v1/couriers?status=VERIFIED").ok())).hasSizeGreaterThanOrEqualTo(2);
        Session property = GATEWAY.demoAccount(DemoAccounts.PREFIX + ".property");
        assertThat(content(property.get("/api/v1/couriers/access-requests?status=GRANTED").ok())).isNotEmpty();
        assertThat(content(property.get("/api/v1/couriers/access-requests?status=REFUSED").ok())).isNotEmpty();
        assertThat(content(GATEWAY.anonymous().get("/api/v1/branch-ratings/published?unitId=" + communityId).ok()))
                .isNotEmpty();
    }

    @Test
    void theFirstCommunityHasANeedMetByAUnitsProjectAnOpenNeedAndAnAlleyChiefWithDuties() {
        Session community = GATEWAY.demoAccount(DemoAccounts.PREFIX + ".community");
        assertThat(content(community.get("/api/v1/needs?communityId=" + communityId).ok()))
                .extracting(need -> need.path("status").asString()).contains("CLOSED", "OPEN");
        YearMonth month = YearMonth.now(DemoSeason.COUNTY_ZONE);
        assertThat(content(community.get("/api/v1/projects/unit-summaries?year=" + month.getYear()).ok()))
                .anySatisfy(unit -> {
                    assertThat(unit.path("unitName").asString()).isEqualTo(DemoProjects.HOSPITAL);
                    assertThat(unit.path("done").asInt()).isPositive();
                });
        String memberId = GATEWAY.demoAccount(DemoAccounts.PREFIX + ".member").get("/api/v1/accounts/me").ok()
                .path("id").asString();
        assertThat(community.get("/api/v1/duty-reports/holders/" + memberId + "?month=" + month).ok())
                .anySatisfy(report -> {
                    assertThat(report.path("role").asString()).isEqualTo("ALLEY_CHIEF");
                    assertThat(report.path("quotaApplies").asBoolean()).isTrue();
                });
    }

    @Test
    void theCourierRegisteredThemselvesIsLetIntoACompoundAndCreditedForVolunteering() {
        Session courier = GATEWAY.demoAccount(DemoAccounts.PREFIX + ".courier");
        JsonNode registration = content(courier.get("/api/v1/couriers/mine").ok()).stream()
                .filter(mine -> mine.path("status").asString().equals("VERIFIED")).findFirst().orElseThrow();
        assertThat(courier.get("/api/v1/couriers/" + registration.path("id").asString()).ok().path("accessRequests"))
                .anySatisfy(request -> assertThat(request.path("status").asString()).isEqualTo("GRANTED"));
        String accountId = courier.get("/api/v1/accounts/me").ok().path("id").asString();
        assertThat(content(courier.get("/api/v1/points/accounts/" + accountId + "/entries?size=50").ok()))
                .anySatisfy(entry -> assertThat(entry.path("reason").asString()).isEqualTo("ACTIVITY"));
        assertThat(courier.get("/api/v1/points/accounts/me").ok().path("balance").asLong()).isPositive();
    }

    @Test
    void theNoShowRuleBlackListedTheNeighbourWhoseAppealAwaitsTheCommunity() {
        Session neighbour = GATEWAY.demoAccount(DemoAccounts.PREFIX + ".neighbour");
        String neighbourId = neighbour.get("/api/v1/accounts/me").ok().path("id").asString();
        assertThat(neighbour.get("/api/v1/honour-lists/black-list/mine").ok()).anySatisfy(entry -> {
            assertThat(entry.path("listedBy").asString()).isEqualTo("rule:no-shows");
            assertThat(entry.path("active").asBoolean()).isTrue();
            assertThat(entry.path("evidence")).hasSize(3);
            assertThat(entry.path("appealState").asString()).isEqualTo("PENDING");
        });
        Session community = GATEWAY.demoAccount(DemoAccounts.PREFIX + ".community");
        assertThat(content(community.get("/api/v1/honour-lists/black-list?communityUnitId=" + communityId
                + "&appeal=PENDING").ok())).anySatisfy(entry ->
                assertThat(entry.path("accountId").asString()).isEqualTo(neighbourId));
    }

    @Test
    void theResidentDisputesTheHoursRecordedInAnActivityTheySignedUpFor() {
        Session resident = GATEWAY.demoAccount(DemoAccounts.PREFIX + ".resident");
        List<JsonNode> participations = content(resident.get("/api/v1/activities?size=200&communityUnitId="
                + communityId).ok()).stream()
                .flatMap(activity -> StreamSupport.stream(activity.path("participants").spliterator(), false))
                .toList();
        assertThat(participations).anySatisfy(own -> {
            assertThat(own.path("hours").asString()).isEqualTo("DISPUTED");
            assertThat(own.path("disputeReason").asString()).isNotBlank();
        });
    }

    @Test
    void lastMonthsCommunityListOfTheFirstStreetIsPublishedWithTheFirstCommunityOnTheRedList() {
        String streetId = GATEWAY.demoAccount(DemoAccounts.PREFIX + ".community").get("/api/v1/org-units/" + communityId)
                .ok().path("parentId").asString();
        String lastMonth = YearMonth.now(DemoSeason.COUNTY_ZONE).minusMonths(1).toString();
        JsonNode list = GATEWAY.anonymous().get("/api/v1/community-lists/published?scopeUnitId=" + streetId + "&month="
                + lastMonth).ok();
        assertThat(list.path("red")).anySatisfy(line ->
                assertThat(line.path("communityUnitId").asString()).isEqualTo(communityId));
        assertThat(list.path("black")).isNotEmpty();
    }

    @Test
    void theHousingDepartmentsCadreHoldsTheLinkedCadresQuotaForTheFirstCommunity() {
        Session community = GATEWAY.demoAccount(DemoAccounts.PREFIX + ".community");
        String cadreId = GATEWAY.demoAccount(DemoAccounts.PREFIX + ".housing").get("/api/v1/accounts/me").ok()
                .path("id").asString();
        assertThat(community.get("/api/v1/duty-reports/holders/" + cadreId + "?month="
                + YearMonth.now(DemoSeason.COUNTY_ZONE)).ok()).anySatisfy(report -> {
                    assertThat(report.path("role").asString()).isEqualTo("LINKED_CADRE");
                    assertThat(report.path("quotaApplies").asBoolean()).isTrue();
                });
    }

    private static List<JsonNode> content(JsonNode page) {
        return StreamSupport.stream(page.path("content").spliterator(), false).toList();
    }

    private static Set<String> ids(JsonNode page) {
        Set<String> ids = new HashSet<>();
        content(page).forEach(node -> ids.add(node.path("id").asString()));
        return ids;
    }
}
