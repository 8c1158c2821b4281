package org.linli.property.assembly;

import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.domain.NotFoundException;
import org.linli.property.compound.OwnersSelections;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

/** The owners' decisions as other features see them: what an eviction or a new contract may cite. */
@Component
public class Decisions implements OwnersSelections {

    private final MongoOperations mongo;

    Decisions(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /**
     * The company a passed item-4 decision of this compound's owners dismissed (解聘), or 422: 404 unknown id,
     * {@code decision-of-another-compound}, {@code decision-not-passed}, {@code not-a-dismissal}.
     */
    public String passedDismissal(String compoundId, String decisionId) {
        return passed(compoundId, decisionId, Decision.CompanyAction.DISMISS, "not-a-dismissal");
    }

    /** The company a passed item-4 decision of this compound's owners selected (选聘); codes as for a dismissal. */
    @Override
    public String passedSelection(String compoundId, String decisionId) {
        return passed(compoundId, decisionId, Decision.CompanyAction.SELECT, "not-a-selection");
    }

    private String passed(String compoundId, String decisionId, Decision.CompanyAction action, String wrongKind) {
        Decision decision = mongo.findById(decisionId, Decision.class);
        if (decision == null) {
            throw new NotFoundException("assembly-decision", decisionId);
        }
        if (!decision.compoundId().equals(compoundId)) {
            throw new BusinessRuleViolation("decision-of-another-compound",
                    "the owners' decision was taken in another compound", decisionId);
        }
        if (!decision.passed()) {
            throw new BusinessRuleViolation("decision-not-passed", "the owners' decision has not passed", decisionId);
        }
        if (decision.companyAction() != action) {
            throw new BusinessRuleViolation(wrongKind, "the owners' decision does not " + action.name().toLowerCase()
                    + " a property company", decisionId);
        }
        return decision.companyId();
    }
}
