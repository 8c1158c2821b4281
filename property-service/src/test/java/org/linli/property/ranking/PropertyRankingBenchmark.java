package org.linli.property.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.linli.platform.test.EmbeddedInfrastructure;
import org.linli.platform.web.Caller;
import org.linli.property.company.CreditCode;
import org.linli.property.company.PropertyCompany;
import org.linli.property.compound.Compound;
import org.linli.property.compound.CompoundKind;
import org.linli.property.compound.ContractKind;
import org.linli.property.evaluation.Evaluations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Not a test: a benchmark that prints figures (copied to docs/benchmarks/property-ranking.md). Run with
 * {@code ./mvnw -pl property-service verify -Pbenchmark}. A county of 10,000 compounds served by 200
 * companies, with a month of records (two spot checks, a survey and an organisation score per compound,
 * 20,000 issue ratings); times computing and publishing the county's monthly ranking, and reading the
 * published ranking through the web layer (MockMvc, no network).
 */
@Tag("benchmark")
@SpringBootTest(properties = "linli.messaging.outbox.enabled=false")
@AutoConfigureMockMvc
@EmbeddedInfrastructure
class PropertyRankingBenchmark {

    private static final int COMPOUNDS = 10_000;
    private static final int COMPANIES = 200;
    private static final int COMMUNITIES = 100;
    private static final int RUNS = 10;
    private static final int READS = 2_000;

    @Autowired
    RankingService rankings;
    @Autowired
    MongoOperations mongo;
    @Autowired
    MockMvc mvc;

    @Test
    void computeAndPublishAMonthlyRankingOfTenThousandCompounds() throws Exception {
        YearMonth month = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1);
        seed(month);
        Caller county = new Caller("bench", "bench", Set.of("COUNTY_ADMIN"), null, null, null);

        for (int i = 0; i < 3; i++) {
            rankings.publish(county, "county", month);
            mongo.remove(new Query(), Ranking.class);
        }
        long[] millis = new long[RUNS];
        Ranking last = null;
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            last = rankings.publish(county, "county", month);
            millis[i] = (System.nanoTime() - start) / 1_000_000;
            if (i < RUNS - 1) {
                mongo.remove(new Query(), Ranking.class);
            }
        }
        assertThat(last.entries()).hasSize(COMPANIES);
        assertThat(last.compoundsScored()).isEqualTo(COMPOUNDS);

        String path = "/api/v1/rankings/published/" + last.id();
        for (int i = 0; i < 500; i++) {
            mvc.perform(get(path)).andExpect(status().isOk());
        }
        long[] reads = new long[READS];
        for (int i = 0; i < READS; i++) {
            long start = System.nanoTime();
            mvc.perform(get(path)).andExpect(status().isOk());
            reads[i] = (System.nanoTime() - start) / 1_000;
        }
        Arrays.sort(millis);
        Arrays.sort(reads);
        int bytes = mvc.perform(get(path)).andReturn().getResponse().getContentAsByteArray().length;
        System.out.printf("%nBENCHMARK property ranking: %d compounds, %d companies; compute+publish ms min %d, median %d, "
                        + "max %d over %d runs; published read (%d bytes) µs median %d, p99 %d, max %d over %d reads%n%n",
                COMPOUNDS, COMPANIES, millis[0], millis[RUNS / 2], millis[RUNS - 1], RUNS, bytes, reads[READS / 2],
                reads[READS * 99 / 100], reads[READS - 1], READS);
    }

    private void seed(YearMonth month) {
        for (String collection : List.of("compounds", "companies", "rankings", "inspections", "surveys",
                "organisation_scores", "issue_ratings", "schemes", "sanctions")) {
            mongo.remove(new Query(), collection);
        }
        Instant now = Instant.now();
        LocalDate day = month.atDay(10);
        List<PropertyCompany> companies = new ArrayList<>();
        for (int i = 0; i < COMPANIES; i++) {
            String first17 = "91340200" + "MB%07d".formatted(i);
            companies.add(PropertyCompany.withId("company-" + i, "物业公司" + i,
                    new CreditCode(first17 + CreditCode.checkCharacter(first17)), false, false, now));
        }
        mongo.insertAll(companies);
        SplittableRandom random = new SplittableRandom(10_000);
        List<Compound> compounds = new ArrayList<>();
        List<Document> inspections = new ArrayList<>();
        List<Document> surveys = new ArrayList<>();
        List<Document> organisation = new ArrayList<>();
        List<Document> ratings = new ArrayList<>();
        String quarter = Evaluations.quarterOf(month);
        for (int i = 0; i < COMPOUNDS; i++) {
            String community = "community-" + (i % COMMUNITIES);
            Compound compound = Compound.register("小区" + i, CompoundKind.COMMERCIAL,
                    new Compound.Community(community, "/street-" + (i % 10) + "/" + community + "/"), null, 500,
                    31.3, 118.4, now);
            compound.sign(companies.get(i % COMPANIES), ContractKind.REGULAR, day.minusYears(1), day.plusYears(2),
                    List.of(), now);
            compounds.add(compound);
            for (String item : List.of("ENVIRONMENT", "FACILITIES")) {
                inspections.add(new Document("_id", "i-" + i + "-" + item).append("compoundId", compound.id())
                        .append("month", month.toString()).append("inspectedOn", day.toString()).append("itemCode", item)
                        .append("deductions", List.of(new Document("reason", "问题").append("points", random.nextInt(1, 40))
                                .append("photoRefs", List.of("photo/" + i + ".jpg")))));
            }
            int respondents = 30 + random.nextInt(40);
            surveys.add(new Document("_id", compound.id() + ":" + quarter).append("compoundId", compound.id())
                    .append("quarter", quarter).append("respondents", respondents)
                    .append("satisfied", random.nextInt(respondents / 2, respondents + 1)));
            organisation.add(new Document("_id", compound.id() + ":" + month + ":PARTY_BUILDING")
                    .append("compoundId", compound.id()).append("month", month.toString())
                    .append("itemCode", "PARTY_BUILDING").append("score", 60 + random.nextInt(41)));
            for (int r = 0; r < 2; r++) {
                ratings.add(new Document("_id", "issue-" + i + "-" + r).append("compoundId", compound.id())
                        .append("month", month.toString()).append("rating", 1 + random.nextInt(5)));
            }
        }
        mongo.insertAll(compounds);
        mongo.insert(inspections, "inspections");
        mongo.insert(surveys, "surveys");
        mongo.insert(organisation, "organisation_scores");
        mongo.insert(ratings, "issue_ratings");
    }
}
