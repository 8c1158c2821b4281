package org.linli.e2e.demo;

import java.io.PrintStream;
import org.linli.e2e.client.Gateway;
import org.linli.e2e.client.Session;

/**
 * {@code ./linli demo [--size small|county]}: loads one coherent county through the gateway's public
 * API only, in the order the services depend on each other, and prints one account per role.
 * A county already loaded (its street admin exists) is left as it is.
 */
public final class DemoCountyLoader {

    private static final int THREADS = 4;

    private final Gateway gateway;
    private final PrintStream out;

    public DemoCountyLoader(Gateway gateway, PrintStream out) {
        this.gateway = gateway;
        this.out = out;
    }

    public void load(CountySize size, String password) {
        Session admin = gateway.admin();
        if (alreadyLoaded(password)) {
            out.println("the demo county is already loaded (account " + DemoAccounts.STREET_ADMIN + " exists); "
                    + "./linli down, remove .linli/data and ./linli up for a fresh one");
            return;
        }
        long started = System.nanoTime();
        County county = Layout.of(size);
        out.printf("loading the %s demo county through %s: %d streets, %d communities, %d grid branches, %d micro-grids, "
                        + "%d compounds%n", size.name(), gateway.base(), size.streets(), size.communities(), size.branches(),
                size.microGrids(), size.compounds());
        try (Parallel parallel = new Parallel(THREADS)) {
            DemoStructure structure = new DemoStructure(admin, county, parallel);
            DemoPeople people = new DemoPeople(admin, county, parallel);
            DemoSeason season = new DemoSeason(admin, county, parallel);
            DemoAssembly assembly = new DemoAssembly(admin, county);
            step("org-service: streets, communities, grid branches, building groups, central households", structure::organisation);
            step("grid-service: level-1 grids, level-2 grids and micro-grids", structure::grids);
            step("grid-service: a party-mass service station in every community", structure::stations);
            step("property-service + org-service: property companies and their party coverage", structure::companies);
            step("property-service: compounds in their micro-grids, contracts and management modes", structure::compounds);
            DemoAccounts accounts = DemoAccounts.create(admin, county, password);
            step("grid-service: grid workers", () -> people.gridWorkers(accounts));
            step("org-service: party members", () -> people.partyMembers(accounts));
            step("grid-service: buildings and households of the first community", people::households);
            step("points-service: points supermarkets and activities", season::pointsSupermarkets);
            Session resident = gateway.signIn(DemoAccounts.PREFIX + ".resident", password);
            Session member = gateway.signIn(DemoAccounts.PREFIX + ".member", password);
            step("points-service: yesterday's activity, credited", () -> season.pastActivity(accounts));
            step("property-service: owners' registers and votes of two compounds (art. 278)",
                    () -> assembly.votes(accounts, resident));
            step("issue-service: issues in every state", season::issues);
            step("issue-service: the first community's residents and party member", 
                    () -> season.firstCommunity(resident, member));
            step("org-service: 三议一示, a proposal posted and one awaiting the branch",
                    () -> season.proposals(resident, member));
            step("issue-service: QR codes of the first community's buildings", people::awaitQrCodes);
            Session property = gateway.signIn(DemoAccounts.PREFIX + ".property", password);
            step("property-service: a year of a compound's trust account (信托制) with a 四议两公开",
                    () -> new DemoTrustAccount(admin, county).load(accounts, property, resident));
            DemoPatrols patrols = new DemoPatrols(admin, county);
            step("org-service + property-service: 包保 of difficult compounds, patrolled (half of them overdue)",
                    patrols::assignments);
            step("property-service: the demo resident as a property supervisor", () -> patrols.supervisors(accounts));
            DemoPublicRecord publicRecord = new DemoPublicRecord(admin, county, parallel);
            step("property-service: last month's evaluations, the county's and a street's rankings, a yellow card",
                    publicRecord::rankings);
            step("issue-service: a joint meeting in every community, decided and published (公示)", publicRecord::meetings);
            Session community = gateway.signIn(DemoAccounts.PREFIX + ".community", password);
            Session worker = gateway.signIn(DemoAccounts.PREFIX + ".worker", password);
            DemoCommittees committees = new DemoCommittees(community, county);
            step("org-service: owners' committees, one with a decision reported in advance (事前报告)",
                    committees::ownersCommittees);
            step("org-service: cross-appointments (交叉任职)", committees::crossAppointments);
            Session neighbour = gateway.signIn(DemoAccounts.PREFIX + ".neighbour", password);
            step("org-service: a branch rating round, visited, rated and closed (支部好不好，群众说了算)",
                    () -> new DemoBranchRatings(admin, county).round(neighbour));
            DemoGridWork gridWork = new DemoGridWork(county, community, worker);
            step("grid-service: a notice to every household of the first community, the worker's delivered but two",
                    gridWork::notice);
            step("grid-service: a 飞线充电 rectification campaign with cases found and fixed", gridWork::campaign);
            step("issue-service: disputes mediated by the grid worker, one referred as an issue",
                    new DemoMediation(county, worker)::disputes);
            Session courier = gateway.signIn(DemoAccounts.PREFIX + ".courier", password);
            step("property-service: couriers registered (one by their own account), verified and let into compounds "
                    + "(or refused)", () -> new DemoCouriers(county, worker, community).registrations(property, courier));
            DemoVolunteering volunteering = new DemoVolunteering(county, community);
            step("points-service: three past activities the courier attended and a neighbour never came to, "
                    + "black-listed by the no-show rule and appealed", () -> volunteering.noShows(accounts, neighbour));
            step("points-service: an activity under way, a resident's own sign-up and the hours they dispute",
                    () -> volunteering.disputedHours(accounts, resident));
            step("org-service: a need met by 县人民医院's project (done) and a resident's need still open (两张清单 → 项目清单)",
                    () -> new DemoProjects(admin, county).lists(community, resident));
            DemoDuties duties = new DemoDuties(admin, county);
            step("org-service: 三帮五督 for the first street, demo.member its alley chief with three duties recorded",
                    () -> duties.alleyChief(accounts, community, member));
            step("org-service: 四个一 for the first street, demo.housing the first community's linked cadre with two "
                    + "duties recorded", () -> duties.linkedCadre(accounts,
                    gateway.signIn(DemoAccounts.PREFIX + ".housing", password)));
            step("points-service: last month's 社区红黑榜 of the first street, published",
                    () -> out.print(new DemoCommunityList(admin, county).lastMonth() + "… "));
            step("property-service: the votes counted (one passed, one failed on quorum)", assembly::count);
            DemoAccounts all = accounts.withStreetAdmin(admin, county);
            out.printf("%nloaded in %d s.%n", (System.nanoTime() - started) / 1_000_000_000L);
            all.print(out);
        }
    }

    private boolean alreadyLoaded(String password) {
        try {
            gateway.signIn(DemoAccounts.STREET_ADMIN, password);
            return true;
        } catch (AssertionError notThere) {
            return false;
        }
    }

    private void step(String what, Runnable action) {
        long started = System.nanoTime();
        out.print("  " + what + "… ");
        out.flush();
        action.run();
        out.printf("%.1f s%n", (System.nanoTime() - started) / 1e9);
    }
}
