package org.linli.e2e.flow;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.linli.e2e.client.Gateway;
import org.linli.e2e.client.Identifiers;
import org.linli.e2e.client.Reply;
import org.linli.e2e.client.Session;

/**
 * The people a flow needs in its {@link Neighbourhood} besides the grid worker: an administrator of the
 * community (whose lists show only this run's data), a resident, the company's property staff, and a party member
 * with an account, registered in org-service so every other service knows the member by that account.
 */
final class People {

    private People() {
    }

    /** A party member of the neighbourhood's branch: the login account and the member record of org-service. */
    record PartyMember(String username, String accountId, String memberId) {

        Session signIn(Gateway gateway) {
            return gateway.signIn(username, Neighbourhood.PASSWORD);
        }
    }

    /** A COMMUNITY_ADMIN account of the neighbourhood's community, signed in. */
    static Session communityAdmin(Gateway gateway, Session admin, Neighbourhood n) {
        String username = "e2e-community-admin-" + n.run();
        Neighbourhood.account(admin, username, "COMMUNITY_ADMIN", n.communityId());
        return gateway.signIn(username, Neighbourhood.PASSWORD);
    }

    /** A RESIDENT account of the neighbourhood's community, signed in. */
    static Session resident(Gateway gateway, Session admin, Neighbourhood n) {
        String username = "e2e-resident-" + n.run();
        Neighbourhood.account(admin, username, "RESIDENT", n.communityId());
        return gateway.signIn(username, Neighbourhood.PASSWORD);
    }

    /** A PROPERTY_STAFF account of the neighbourhood's company (in its street), signed in. */
    static Session propertyStaff(Gateway gateway, Session admin, Neighbourhood n) {
        String username = "e2e-property-" + n.run();
        admin.post("/api/v1/accounts", Map.of("username", username, "displayName", username,
                "password", Neighbourhood.INITIAL_PASSWORD, "roles", List.of("PROPERTY_STAFF"),
                "orgUnitId", n.streetId(), "companyId", n.companyId())).expect(201);
        gateway.changePassword(username, Neighbourhood.INITIAL_PASSWORD, Neighbourhood.PASSWORD);
        return gateway.signIn(username, Neighbourhood.PASSWORD);
    }

    /**
     * A PARTY_MEMBER account in the community, registered as a resident party member of the neighbourhood's
     * branch with that account (PartyMemberRegistered carries it to points-service).
     */
    static PartyMember partyMember(Session admin, Neighbourhood n) {
        String username = "e2e-party-member-" + n.run();
        String accountId = Neighbourhood.account(admin, username, "PARTY_MEMBER", n.communityId());
        for (int attempt = 1; ; attempt++) {
            Reply registered = admin.post("/api/v1/party-members", registration(n, accountId));
            if (registered.status() == 409 && attempt < 5) {
                continue; // a made-up ID number someone registered before: draw another
            }
            return new PartyMember(username, accountId, registered.expect(201).path("id").asString());
        }
    }

    private static Map<String, Object> registration(Neighbourhood n, String accountId) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        LocalDate born = LocalDate.of(1960, 1, 1).plusDays(random.nextInt(365 * 40));
        Map<String, Object> body = new HashMap<>();
        body.put("name", "端到端党员");
        body.put("idNumber", Identifiers.idNumber(born, random.nextInt(1000)));
        body.put("phone", Identifiers.phone(random.nextInt(100_000_000)));
        body.put("kind", "RESIDENT");
        body.put("branchId", n.branchId());
        body.put("accountId", accountId);
        return body;
    }
}
