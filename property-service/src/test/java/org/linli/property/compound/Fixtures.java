package org.linli.property.compound;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.linli.property.company.CreditCode;
import org.linli.property.company.PropertyCompany;

/** Object Mother for compounds and companies. */
final class Fixtures {

    static final Instant NOW = Instant.parse("2026-11-21T08:30:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    private Fixtures() {
    }

    static Compound compound() {
        return Compound.register("檀溪花园", CompoundKind.COMMERCIAL,
                new Compound.Community("community-1", "/street-1/community-1/"), "grid-1", 860, 32.0, 112.1, NOW);
    }

    static PropertyCompany company(String id, boolean stateOwned) {
        return PropertyCompany.withId(id, id + "物业", code(Math.abs(id.hashCode() % 1000)),
                stateOwned, false, NOW);
    }

    static List<Contract.FeeStandard> fees() {
        return List.of(new Contract.FeeStandard("多层住宅", 80), new Contract.FeeStandard("高层住宅", 120));
    }

    static Compound.Mandate agreed() {
        return Compound.Mandate.ofConsultation(new Compound.AssemblyConsultation(TODAY.minusDays(3), 600, 410,
                "minutes/2026-11-18.pdf"));
    }

    /** A valid credit code "91340200MA" + 7 digits of the number + its check character. */
    static CreditCode code(int number) {
        String first17 = "91340200" + "MA%07d".formatted(number);
        return new CreditCode(first17 + CreditCode.checkCharacter(first17));
    }
}
