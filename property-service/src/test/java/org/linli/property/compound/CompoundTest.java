package org.linli.property.compound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.linli.property.compound.Fixtures.NOW;
import static org.linli.property.compound.Fixtures.TODAY;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linli.platform.messaging.PendingEvent;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.property.company.PropertyCompany;

class CompoundTest {

    private final PropertyCompany regular = Fixtures.company("company-a", false);
    private final PropertyCompany other = Fixtures.company("company-b", false);
    private final PropertyCompany stateOwned = Fixtures.company("state-1", true);

    @Test
    void aNewCompoundIsUnmanagedUntilAContractOrOneOfTheFiveModes() {
        Compound compound = Fixtures.compound();

        assertThat(compound.modeOn(TODAY)).isEqualTo(ManagementMode.UNMANAGED);
        compound.manageWithoutCompany(ManagementMode.TAKEN_OVER, NOW);
        assertThat(compound.modeOn(TODAY)).isEqualTo(ManagementMode.TAKEN_OVER);
        assertThatThrownBy(() -> compound.manageWithoutCompany(ManagementMode.PROFESSIONAL, NOW))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        e -> assertThat(e.code()).isEqualTo("invalid-management-mode"));
        compound.sign(regular, ContractKind.REGULAR, TODAY, TODAY.plusYears(3), Fixtures.fees(), NOW);
        assertThat(compound.modeOn(TODAY)).isEqualTo(ManagementMode.PROFESSIONAL);
        assertThat(compound.pendingEvents()).extracting(PendingEvent::type)
                .containsExactly("CompoundCreated", "ContractStarted");
    }

    @Test
    void refusesASecondRegularContractOverlappingTheFirstButAcceptsOneAfterIt() {
        Compound compound = Fixtures.compound();
        compound.sign(regular, ContractKind.REGULAR, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), Fixtures.fees(), NOW);

        assertThatThrownBy(() -> compound.sign(other, ContractKind.REGULAR, LocalDate.of(2026, 12, 31),
                LocalDate.of(2027, 12, 31), Fixtures.fees(), NOW))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        e -> assertThat(e.code()).isEqualTo("overlapping-contract"));
        compound.sign(other, ContractKind.REGULAR, LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31), Fixtures.fees(), NOW);

        assertThat(compound.contractOn(LocalDate.of(2027, 6, 1)).orElseThrow().companyId()).isEqualTo("company-b");
        assertThat(compound.contracts()).hasSize(2);
    }

    @Test
    void aFallbackNeedsAStateOwnedOrQualifiedCompanyAndIsEndedByTheNewRegularContract() {
        Compound compound = Fixtures.compound();
        assertThatThrownBy(() -> compound.sign(regular, ContractKind.FALLBACK, TODAY, TODAY.plusMonths(6), List.of(), NOW))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        e -> assertThat(e.code()).isEqualTo("not-fallback-qualified"));
        Contract fallback = compound.sign(stateOwned, ContractKind.FALLBACK, TODAY, TODAY.plusMonths(6), List.of(), NOW);

        compound.sign(regular, ContractKind.REGULAR, TODAY.plusMonths(2), TODAY.plusYears(3), Fixtures.fees(), NOW);

        Contract ended = compound.contracts().stream().filter(c -> c.id().equals(fallback.id())).findFirst().orElseThrow();
        assertThat(ended.lastDay()).isEqualTo(TODAY.plusMonths(2).minusDays(1));
        assertThat(ended.endReason()).isEqualTo("REPLACED");
        assertThat(compound.contractOn(TODAY.plusMonths(3)).orElseThrow().kind()).isEqualTo(ContractKind.REGULAR);
    }

    @Test
    void anEvictionEndsTheRegularContractYesterdayAndStartsTheFallbackTodayInOneChangeWithThreeEvents() {
        Compound compound = Fixtures.compound();
        Contract contract = compound.sign(regular, ContractKind.REGULAR, LocalDate.of(2026, 1, 1),
                LocalDate.of(2028, 12, 31), Fixtures.fees(), NOW);

        Compound.Eviction eviction = compound.evict(Fixtures.agreed(), stateOwned, TODAY.plusMonths(6), "服务质量长期不达标",
                List.of("report/2026-10.pdf"), TODAY.plusDays(15), TODAY, NOW);

        assertThat(compound.contractOn(TODAY.minusDays(1)).orElseThrow().id()).isEqualTo(contract.id());
        Contract now = compound.contractOn(TODAY).orElseThrow();
        assertThat(now.kind()).isEqualTo(ContractKind.FALLBACK);
        assertThat(now.companyId()).isEqualTo("state-1");
        assertThat(now.feeStandards()).isEqualTo(Fixtures.fees());
        assertThat(compound.modeOn(TODAY)).isEqualTo(ManagementMode.PROFESSIONAL);
        assertThat(eviction.companyId()).isEqualTo("company-a");
        assertThat(eviction.fallbackContractId()).isEqualTo(now.id());
        assertThat(compound.pendingEvents()).extracting(PendingEvent::type).containsExactly("CompoundCreated",
                "ContractStarted", "ContractEnded", "ContractStarted", "SanctionIssued");
        assertThat(compound.pendingEvents().get(2).payload()).contains("\"reason\":\"EVICTED\"")
                .contains("\"endedOn\":\"2026-11-20\"");
        assertThat(compound.pendingEvents().get(4).aggregateId()).isEqualTo(eviction.sanctionId());
    }

    @Test
    void anEvictionNeedsTheAssemblysMajorityARegularContractAndAnotherQualifiedCompany() {
        Compound compound = Fixtures.compound();
        assertThatThrownBy(() -> compound.evict(Fixtures.agreed(), stateOwned, TODAY.plusMonths(6), "x", List.of(),
                TODAY, TODAY, NOW))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        e -> assertThat(e.code()).isEqualTo("no-regular-contract"));
        compound.sign(regular, ContractKind.REGULAR, LocalDate.of(2026, 1, 1), LocalDate.of(2028, 12, 31), List.of(), NOW);

        assertThatThrownBy(() -> compound.evict(Compound.Mandate.ofConsultation(
                new Compound.AssemblyConsultation(TODAY, 600, 300, null)), stateOwned,
                TODAY.plusMonths(6), "x", List.of(), TODAY, TODAY, NOW))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        e -> assertThat(e.code()).isEqualTo("consultation-not-agreed"));
        assertThatThrownBy(() -> compound.evict(Fixtures.agreed(), other, TODAY.plusMonths(6), "x", List.of(), TODAY,
                TODAY, NOW))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        e -> assertThat(e.code()).isEqualTo("not-fallback-qualified"));
        assertThatThrownBy(() -> compound.evict(Compound.Mandate.ofDecision("decision-1", "company-b"), stateOwned,
                TODAY.plusMonths(6), "x", List.of(), TODAY, TODAY, NOW))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        e -> assertThat(e.code()).isEqualTo("decision-not-for-company"));
        assertThat(compound.contractOn(TODAY).orElseThrow().companyId()).isEqualTo("company-a");
        assertThat(compound.evict(Compound.Mandate.ofDecision("decision-1", "company-a"), stateOwned,
                TODAY.plusMonths(6), "x", List.of(), TODAY, TODAY, NOW).decisionId()).isEqualTo("decision-1");
    }

    @Test
    void aContractPastItsLastDayExpiresOnceAndTheCompoundIsThenUnmanaged() {
        Compound compound = Fixtures.compound();
        compound.sign(regular, ContractKind.REGULAR, TODAY.minusYears(1), TODAY.minusDays(1), List.of(), NOW);

        assertThat(compound.expireContracts(TODAY.minusDays(1), NOW)).isZero();
        assertThat(compound.expireContracts(TODAY, NOW)).isEqualTo(1);
        assertThat(compound.expireContracts(TODAY, NOW)).isZero();

        assertThat(compound.contracts().get(0).endReason()).isEqualTo("EXPIRED");
        assertThat(compound.modeOn(TODAY)).isEqualTo(ManagementMode.UNMANAGED);
        assertThat(compound.pendingEvents()).extracting(PendingEvent::type)
                .containsExactly("CompoundCreated", "ContractStarted", "ContractEnded");
        assertThat(compound.pendingEvents().get(2).payload()).contains("\"reason\":\"EXPIRED\"");
    }

    @Test
    void feeCollectionNeverExceedsWhatIsDueAndAYearIsReplaced() {
        Compound compound = Fixtures.compound();
        assertThatThrownBy(() -> compound.reportFees(2026, 100, 101, NOW))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        e -> assertThat(e.code()).isEqualTo("invalid-fee-collection"));
        compound.reportFees(2026, 1_000_000, 550_000, NOW);
        compound.reportFees(2026, 1_000_000, 810_000, NOW);

        assertThat(compound.fees(2026).orElseThrow().collectedFen()).isEqualTo(810_000);
        assertThat(compound.feeCollections()).hasSize(1);
    }
}
