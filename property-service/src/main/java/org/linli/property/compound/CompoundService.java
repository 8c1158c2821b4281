package org.linli.property.compound;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import io.github.springwolf.core.asyncapi.annotations.AsyncOperation;
import io.github.springwolf.core.asyncapi.annotations.AsyncPublisher;
import org.linli.events.Topics;
import org.linli.events.property.CompoundCreated;
import org.linli.events.property.ContractEnded;
import org.linli.events.property.ContractStarted;
import org.linli.platform.mongo.MongoPages;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.web.Caller;
import org.linli.platform.domain.NewIds;
import org.linli.platform.domain.NotFoundException;
import org.linli.platform.web.Roles;
import org.linli.property.PropertySettings;
import org.linli.property.company.Companies;
import org.linli.property.copies.OrgAndGridCopies;
import org.linli.property.copies.OrgAndGridCopies.OrgUnit;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/** Registers compounds, signs and ends their contracts, and reads them within the caller's scope. */
@Service
class CompoundService {

    private final CompoundRepository repository;
    private final Compounds compounds;
    private final Companies companies;
    private final OrgAndGridCopies copies;
    private final OwnersSelections selections;
    private final MongoOperations mongo;
    private final PropertySettings settings;
    private final Clock clock;

    CompoundService(CompoundRepository repository, Compounds compounds, Companies companies, OrgAndGridCopies copies,
                    OwnersSelections selections, MongoOperations mongo, PropertySettings settings, Clock clock) {
        this.selections = selections;
        this.repository = repository;
        this.compounds = compounds;
        this.companies = companies;
        this.copies = copies;
        this.mongo = mongo;
        this.settings = settings;
        this.clock = clock;
    }

    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.PROPERTY_EVENTS, payloadType = CompoundCreated.class,
            description = "a compound was registered"))
    Compound register(Caller caller, NewCompound request) {
        Optional<Compound> earlier = NewIds.alreadyCreated(repository::findById);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        OrgUnit community = copies.orgUnit(request.communityUnitId())
                .filter(unit -> OrgAndGridCopies.COMMUNITY_COMMITTEE.equals(unit.unitType()))
                .orElseThrow(() -> new BusinessRuleViolation("unknown-community",
                        "no community party committee " + request.communityUnitId() + " is known to property-service",
                        request.communityUnitId()));
        if (!caller.covers(community.path())) {
            throw new AccessDeniedException("community " + community.id() + " is outside the caller's scope");
        }
        if (request.gridId() != null && !copies.gridCommunity(request.gridId())
                .map(community.id()::equals).orElse(false)) {
            throw new BusinessRuleViolation("unknown-grid", "no grid " + request.gridId()
                    + " of this community is known to property-service", request.gridId());
        }
        if (request.responsibleUnitId() != null && copies.orgUnit(request.responsibleUnitId()).isEmpty()) {
            throw new BusinessRuleViolation("unknown-responsible-unit", "no org unit " + request.responsibleUnitId()
                    + " is known to property-service", request.responsibleUnitId());
        }
        Compound compound = Compound.register(request.name(), request.kind(),
                new Compound.Responsibility(request.compoundClass(), request.responsibleUnitId()),
                new Compound.Community(community.id(), community.path()), request.gridId(), request.households(),
                request.lat(), request.lng(), clock.instant());
        if (request.modeWithoutCompany() != null) {
            compound.manageWithoutCompany(request.modeWithoutCompany(), clock.instant());
        }
        return repository.insert(compound);
    }

    Compound manageWithoutCompany(Caller caller, String id, ManagementMode mode, long version) {
        Compound compound = current(compounds.administered(caller, id), version);
        compound.manageWithoutCompany(mode, clock.instant());
        return repository.save(compound);
    }

    /** Admins covering the compound, or the staff of the company serving it, report a year's fee collection. */
    Compound reportFees(Caller caller, String id, int year, long dueFen, long collectedFen) {
        Compound compound = compounds.visible(caller, id);
        compound.reportFees(year, dueFen, collectedFen, clock.instant());
        return repository.save(compound);
    }

    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.PROPERTY_EVENTS, payloadType = ContractStarted.class,
            description = "a service contract started"))
    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.PROPERTY_EVENTS, payloadType = ContractEnded.class,
            description = "a temporary or fallback contract ended because a regular one started"))
    ContractView sign(Caller caller, String compoundId, String companyId, ContractKind kind, LocalDate startsOn,
                      LocalDate endsOn, List<Contract.FeeStandard> fees, String decisionId) {
        Compound compound = compounds.administered(caller, compoundId);
        if (decisionId != null && !companyId.equals(selections.passedSelection(compoundId, decisionId))) {
            throw new BusinessRuleViolation("decision-not-for-company",
                    "the owners' decision selected another company", decisionId);
        }
        Contract contract = compound.sign(companies.require(companyId), kind, startsOn, endsOn, fees, decisionId,
                clock.instant());
        return new ContractView(repository.save(compound), contract);
    }

    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.PROPERTY_EVENTS, payloadType = ContractEnded.class,
            description = "a service contract was terminated"))
    ContractView end(Caller caller, String contractId, LocalDate lastDay) {
        Compound compound = repository.findByContractId(contractId)
                .orElseThrow(() -> new NotFoundException("contract", contractId));
        compounds.administered(caller, compound.id());
        Contract ended = compound.end(contractId, lastDay, clock.instant());
        return new ContractView(repository.save(compound), ended);
    }

    ContractView contract(Caller caller, String contractId) {
        Compound compound = repository.findByContractId(contractId)
                .orElseThrow(() -> new NotFoundException("contract", contractId));
        Contract contract = compound.contracts().stream().filter(c -> c.id().equals(contractId)).findFirst().orElseThrow();
        if (!caller.worksFor(contract.companyId()) && !compounds.sees(caller, compound)) {
            throw new AccessDeniedException("contract " + contractId + " is outside the caller's scope");
        }
        return new ContractView(compound, contract);
    }

    Compound get(Caller caller, String id) {
        return compounds.visible(caller, id);
    }

    Page<Compound> list(Caller caller, String communityUnitId, CompoundKind kind, Pageable pageable) {
        if (caller.hasRole(Roles.PROPERTY_STAFF)) {
            LocalDate today = settings.today(clock);
            List<Compound> served = caller.companyId() == null ? List.of()
                    : repository.findEverServedBy(caller.companyId()).stream()
                    .filter(compound -> caller.worksFor(Compounds.companyOn(compound, today)))
                    .filter(compound -> communityUnitId == null || communityUnitId.equals(compound.communityUnitId()))
                    .filter(compound -> kind == null || kind == compound.kind())
                    .sorted(Comparator.comparing(Compound::name)).toList();
            return MongoPages.page(served, pageable);
        }
        List<Criteria> filters = new ArrayList<>();
        if (!caller.isCountyWide()) {
            filters.add(Criteria.where("communityPath").regex("^" + Pattern.quote(caller.orgUnitPath())));
        }
        if (communityUnitId != null) {
            filters.add(Criteria.where("communityUnitId").is(communityUnitId));
        }
        if (kind != null) {
            filters.add(Criteria.where("kind").is(kind));
        }
        Query query = Query.query(MongoPages.allOf(filters)).with(pageable);
        return MongoPages.page(mongo, query, pageable, Compound.class);
    }

    /** The compounds in the caller's scope managed neither by a company nor under one of the five modes today (动态清零). */
    Page<Compound> unmanaged(Caller caller, Pageable pageable) {
        LocalDate today = settings.today(clock);
        List<Compound> unmanaged = compounds.under(caller.orgUnitPath()).stream()
                .filter(compound -> compound.modeOn(today) == ManagementMode.UNMANAGED)
                .sorted(Comparator.comparing(Compound::name)).toList();
        return MongoPages.page(unmanaged, pageable);
    }

    LocalDate today() {
        return settings.today(clock);
    }

    private static Compound current(Compound compound, long version) {
        if (compound.version() == null || compound.version() != version) {
            throw new OptimisticLockingFailureException("compound " + compound.id() + " is at version " + compound.version());
        }
        return compound;
    }

    /** What a new compound is made of. */
    record NewCompound(String name, CompoundKind kind, String communityUnitId, String gridId, int households, double lat,
                       double lng, ManagementMode modeWithoutCompany, CompoundClass compoundClass,
                       String responsibleUnitId) {
    }

    /** A contract with the compound it belongs to. */
    record ContractView(Compound compound, Contract contract) {
    }
}
