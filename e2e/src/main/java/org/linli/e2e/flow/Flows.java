package org.linli.e2e.flow;

import java.util.List;

/** The cross-service flows: the five of issue #8 in the order (a–e), then f, g and h of issue #16, then i of issue #21, then j of issue #20, then k, l and m of issue #17. */
public final class Flows {

    private Flows() {
    }

    public static List<Flow> all() {
        return List.of(new QrReportFlow(), new FocusAndSanctionFlow(), new OrgChangeFlow(), new DualRegistrationWishFlow(),
                new EmergencyNoticeFlow(), new TrustAccountFlow(), new PatrolAndSupervisionFlow(),
                new AssemblyEvictionFlow(), new AuditAndRightsFlow(), new WebhookFlow(), new NeedToProjectFlow(),
                new MediationFirstFlow(), new CourierFlow());
    }

    /** The flows whose {@link Flow#name()} starts with one of the given letters or names; all when none is given. */
    public static List<Flow> named(List<String> names) {
        return names.isEmpty() ? all()
                : all().stream().filter(flow -> names.stream().anyMatch(flow.name()::startsWith)).toList();
    }
}
