package org.linli.e2e.demo;

import java.util.Map;
import org.linli.e2e.client.Identifiers;
import org.linli.e2e.client.Session;
import tools.jackson.databind.JsonNode;

/**
 * 新就业群体 (智慧暖"新") in the first community: a courier with a resident's account ({@code demo.courier}) registers
 * themselves, {@code demo.worker} registers a food rider who delivers there and a third who is still to be checked;
 * the community admin verifies the first two, which pushes an access request to every compound of the community, and
 * {@code demo.property} decides those of its company's compounds: all granted but one, refused with its reason.
 */
final class DemoCouriers {

    private static final String COURIERS = "/api/v1/couriers";

    private final County county;
    private final Session worker;
    private final Session community;

    DemoCouriers(County county, Session worker, Session community) {
        this.county = county;
        this.worker = worker;
        this.community = community;
    }

    void registrations(Session property, Session courierAccount) {
        String courier = register(courierAccount, "COURIER", "顺丰速运", 0);
        String rider = register(worker, "FOOD_RIDER", "美团外卖", 1);
        register(worker, "INSTANT_DELIVERY", "闪送", 2);
        community.post(COURIERS + "/" + courier + "/verification", Map.of()).ok();
        community.post(COURIERS + "/" + rider + "/verification", Map.of()).ok();
        JsonNode pending = property.get(COURIERS + "/access-requests?status=PENDING&size=50").ok().path("content");
        boolean refusedOne = false;
        for (JsonNode request : pending) {
            boolean refused = !refusedOne && request.path("registrationId").asString().equals(rider);
            refusedOne |= refused;
            property.post(COURIERS + "/access-requests/" + request.path("id").asString() + "/decision", refused
                    ? Map.of("granted", false, "reason", "该骑手近一月三次在小区内超速骑行，整改前暂不开放车辆通行")
                    : Map.of("granted", true)).ok();
        }
    }

    /** Registered by the courier themselves (their account) or by staff for a courier without one. */
    private String register(Session registrant, String kind, String company, int n) {
        return registrant.post(COURIERS, Map.of("personName", Names.person(9000 + n), "kind", kind, "company", company,
                        "phone", Identifiers.phone(90_000 + n), "areaUnitId", county.communities.get(0).unitId))
                .expect(201).path("id").asString();
    }
}
