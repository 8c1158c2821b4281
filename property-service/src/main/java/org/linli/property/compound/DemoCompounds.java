package org.linli.property.compound;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.linli.platform.web.BusinessRuleViolation;
import org.linli.property.PropertySettings;
import org.linli.property.company.Companies;
import org.linli.property.company.CreditCode;
import org.linli.property.company.PropertyCompany;
import org.linli.property.copies.Copies;
import org.linli.property.copies.Copies.OrgUnit;
import org.springframework.stereotype.Component;

/**
 * Wuhu's compounds at its real scale (DOMAIN.md §3) for a new user to try: 1601 compounds of the three kinds
 * in Huguan's proportions (40 / 33 / 42), spread round-robin over the communities known from org events;
 * 35 companies ({@code demo-company-01} … {@code -35}, the ids org-service's demo records party coverage for)
 * hold regular contracts for 68.4% of them, 9 state-owned companies give fallback service to 41 (Wuhu's
 * evictions), and the rest are managed under one of the five modes for compounds without a company, so
 * none is unmanaged. Every compound and contract goes through the aggregate's rules and records its events.
 */
@Component
class DemoCompounds {

    static final int COMPOUNDS = 1601;
    static final int COMPANIES = 35;
    static final int STATE_OWNED = 9;
    static final int FALLBACK = 41;
    /** 68.4% of 1601 under a professional company's regular contract. */
    static final int REGULAR = 1095;
    private static final double BASE_LAT = 31.33;
    private static final double BASE_LNG = 118.38;
    private static final String[] NAMES = {"花园", "小区", "家园", "新村", "雅苑", "公寓", "家属院", "名城"};
    private static final String[] PLACES = {"镜湖", "弋江", "鸠江", "湾沚", "繁昌", "赭山", "银湖", "神山", "九华", "天门"};
    private static final ManagementMode[] FIVE_MODES = {ManagementMode.UNIFIED, ManagementMode.TAKEN_OVER,
            ManagementMode.DIRECT, ManagementMode.SELF, ManagementMode.ASSISTED};

    private final CompoundRepository compounds;
    private final Companies companies;
    private final Copies copies;
    private final PropertySettings settings;
    private final Clock clock;

    DemoCompounds(CompoundRepository compounds, Companies companies, Copies copies, PropertySettings settings,
                  Clock clock) {
        this.compounds = compounds;
        this.companies = companies;
        this.copies = copies;
        this.settings = settings;
        this.clock = clock;
    }

    Summary load() {
        List<OrgUnit> communities = copies.communities();
        if (communities.isEmpty()) {
            throw new BusinessRuleViolation("no-communities", "the demo compounds need known community party committees", 0);
        }
        if (companies.exists(companyId(1))) {
            throw new BusinessRuleViolation("demo-already-loaded", "the demo compounds are already loaded");
        }
        Instant now = clock.instant();
        LocalDate today = settings.today(clock);
        List<PropertyCompany> regular = new ArrayList<>();
        for (int i = 1; i <= COMPANIES; i++) {
            regular.add(PropertyCompany.withId(companyId(i), "芜湖" + PLACES[i % PLACES.length] + "物业服务有限公司" + i + "号",
                    creditCode(i), false, i % 7 == 0, now));
        }
        List<PropertyCompany> stateOwned = new ArrayList<>();
        for (int i = 1; i <= STATE_OWNED; i++) {
            stateOwned.add(PropertyCompany.withId("demo-state-company-0" + i, "芜湖市国有物业兜底服务公司" + i + "号",
                    creditCode(100 + i), true, true, now));
        }
        List<PropertyCompany> all = new ArrayList<>(regular);
        all.addAll(stateOwned);
        companies.registerAll(all);

        SplittableRandom random = new SplittableRandom(1601);
        LocalDate contractStart = LocalDate.of(today.getYear() - 1, 1, 1);
        LocalDate contractEnd = LocalDate.of(today.getYear() + 2, 12, 31);
        List<Contract.FeeStandard> fees = List.of(new Contract.FeeStandard("多层住宅", 80),
                new Contract.FeeStandard("高层住宅", 120), new Contract.FeeStandard("低保户", 40));
        List<Compound> created = new ArrayList<>(COMPOUNDS);
        int[] kinds = new int[CompoundKind.values().length];
        for (int i = 0; i < COMPOUNDS; i++) {
            OrgUnit community = communities.get(i % communities.size());
            CompoundKind kind = i % 115 < 40 ? CompoundKind.COMMERCIAL
                    : i % 115 < 73 ? CompoundKind.VILLAGE_BUILT : CompoundKind.WORK_UNIT;
            kinds[kind.ordinal()]++;
            Compound compound = Compound.register(PLACES[i % PLACES.length] + NAMES[(i / PLACES.length) % NAMES.length]
                            + (i + 1) + "号", kind, new Compound.Community(community.id(), community.path()), null,
                    80 + random.nextInt(1400), BASE_LAT + random.nextDouble(-0.15, 0.15),
                    BASE_LNG + random.nextDouble(-0.15, 0.15), now);
            if (i < REGULAR) {
                compound.sign(regular.get(i % COMPANIES), ContractKind.REGULAR, contractStart, contractEnd, fees, now);
            } else if (i < REGULAR + FALLBACK) {
                compound.sign(stateOwned.get(i % STATE_OWNED), ContractKind.FALLBACK,
                        today.minusMonths(6).withDayOfMonth(1), today.plusYears(1), fees, now);
            } else {
                compound.manageWithoutCompany(FIVE_MODES[i % FIVE_MODES.length], now);
            }
            created.add(compound);
        }
        compounds.insert(created);
        return new Summary(COMPOUNDS, kinds[0], kinds[1], kinds[2], COMPANIES, STATE_OWNED, REGULAR, FALLBACK,
                COMPOUNDS - REGULAR - FALLBACK, communities.size());
    }

    static String companyId(int number) {
        return "demo-company-%02d".formatted(number);
    }

    /** A valid unified social credit code: 91 (enterprise) 340200 (Wuhu) + 9 characters + the check character. */
    static CreditCode creditCode(int number) {
        String first17 = "91340200" + "MA%07d".formatted(number);
        return new CreditCode(first17 + CreditCode.checkCharacter(first17));
    }

    /** What the demo created. */
    record Summary(int compounds, int commercial, int villageBuilt, int workUnit, int companies, int stateOwnedCompanies,
                   int regularContracts, int fallbackContracts, int withoutCompany, int communities) {
    }
}
