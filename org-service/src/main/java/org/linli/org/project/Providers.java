package org.linli.org.project;

import java.util.Collection;
import java.util.Optional;
import org.linli.org.company.PropertyCompanyPartyStatus;
import org.linli.org.dualregistration.DualRegistrationUnit;
import org.linli.org.member.PartyMember;
import org.linli.org.unit.OrgUnitDirectory.UnitView;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.web.Caller;
import org.linli.platform.domain.NotFoundException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Resolves who offers a resource or claims a project from the records org-service keeps (read by id only): a party
 * member (its record; it must belong to each community), a dual-registration unit (it must be paired with each
 * community), a property company (property-service's id; the name org-service knows from its party status, else the
 * name given).
 */
@Component
class Providers {

    private final MongoOperations mongo;

    Providers(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /**
     * The provider for these communities: 404 unknown member or unit; 422 {@code member-not-in-community},
     * {@code not-paired}, {@code provider-name-required}.
     */
    Provider resolve(Provider.Kind kind, String id, String givenName, Collection<UnitView> communities) {
        return switch (kind) {
            case PARTY_MEMBER -> member(id, communities);
            case DUAL_REGISTRATION_UNIT -> unit(id, communities);
            case PROPERTY_COMPANY -> company(id, givenName);
        };
    }

    /** A party member offering for themself: the record must be the caller's own (403 otherwise). */
    Provider self(Caller caller, String memberId, Collection<UnitView> communities) {
        PartyMember member = findMember(memberId);
        if (!caller.accountId().equals(member.accountId())) {
            throw new AccessDeniedException("party member " + memberId + " is not the caller");
        }
        return member(member, communities);
    }

    private Provider member(String memberId, Collection<UnitView> communities) {
        return member(findMember(memberId), communities);
    }

    private static Provider member(PartyMember member, Collection<UnitView> communities) {
        for (UnitView community : communities) {
            if (member.status() != PartyMember.Status.ACTIVE || !member.unitPath().startsWith(community.path())) {
                throw new BusinessRuleViolation("member-not-in-community", "the party member is not an active "
                        + "member of the community", member.name(), community.id());
            }
        }
        return new Provider(Provider.Kind.PARTY_MEMBER, member.id(), member.name());
    }

    private PartyMember findMember(String memberId) {
        return Optional.ofNullable(mongo.findById(memberId, PartyMember.class))
                .orElseThrow(() -> new NotFoundException("party-member", memberId));
    }

    private Provider unit(String unitId, Collection<UnitView> communities) {
        DualRegistrationUnit unit = Optional.ofNullable(mongo.findById(unitId, DualRegistrationUnit.class))
                .orElseThrow(() -> new NotFoundException("dual-registration-unit", unitId));
        for (UnitView community : communities) {
            if (!unit.pairedCommunityIds().contains(community.id())) {
                throw new BusinessRuleViolation("not-paired", "the unit is not paired with this community",
                        unit.name(), community.id());
            }
        }
        return new Provider(Provider.Kind.DUAL_REGISTRATION_UNIT, unit.id(), unit.name());
    }

    private Provider company(String companyId, String givenName) {
        String known = Optional.ofNullable(mongo.findById(companyId, PropertyCompanyPartyStatus.class))
                .map(PropertyCompanyPartyStatus::companyName).orElse(null);
        String name = known != null ? known : givenName;
        if (name == null || name.isBlank()) {
            throw new BusinessRuleViolation("provider-name-required", "org-service does not know the company "
                    + companyId + ": give its name", companyId);
        }
        return new Provider(Provider.Kind.PROPERTY_COMPANY, companyId, name.strip());
    }
}
