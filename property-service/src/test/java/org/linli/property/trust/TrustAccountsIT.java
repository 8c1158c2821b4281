package org.linli.property.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.property.Api.admin;
import static org.linli.property.Api.countyAdmin;
import static org.linli.property.Api.json;
import static org.linli.property.Api.staff;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.events.Topics;
import org.linli.platform.test.EmbeddedInfrastructure;
import org.linli.platform.test.PublishedEvents;
import org.linli.property.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/**
 * Trust accounts through the API on real infrastructure (embedded MongoDB-wire store and Kafka): residents of the
 * compound read, residents of another compound get 403, an over-threshold expense needs its 四议两公开, and
 * parallel bookings leave an exact balance.
 */
@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedInfrastructure
class TrustAccountsIT {

    static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    String compound;
    String otherCompound;
    String company;

    @BeforeEach
    void twoCompoundsOfOneCommunityOneServedByACompany() throws Exception {
        for (String collection : List.of("compounds", "companies", "trust_entries", "trust_accounts",
                "trust_deliberations", "trust_objections", "compound_residents")) {
            mongo.remove(new Query(), collection);
        }
        Api.knownUnits(mongo, "community-a", "community-b");
        compound = create("{\"name\": \"檀溪花园\", \"kind\": \"COMMERCIAL\", \"communityUnitId\": \"community-a\", "
                + "\"households\": 860, \"lat\": 32.01, \"lng\": 112.14}", "/api/v1/compounds");
        otherCompound = create("{\"name\": \"铁路小区\", \"kind\": \"WORK_UNIT\", \"communityUnitId\": \"community-a\", "
                + "\"households\": 300, \"lat\": 32.02, \"lng\": 112.15}", "/api/v1/compounds");
        company = create("{\"name\": \"棠拾柒物业\", \"creditCode\": \"91350100M000100Y43\", \"stateOwned\": true}",
                "/api/v1/property-companies");
        LocalDate today = LocalDate.now(COUNTY);
        create("""
                {"compoundId": "%s", "companyId": "%s", "kind": "REGULAR", "startsOn": "%s", "endsOn": "%s",
                 "feeStandards": [{"category": "多层住宅", "fenPerSquareMetreMonth": 80}]}"""
                .formatted(compound, company, today.minusYears(1), today.plusYears(2)), "/api/v1/contracts");
        mvc.perform(put("/api/v1/trust-accounts/" + compound + "/residents/resident-1").with(admin("community-a")))
                .andExpect(status().isOk());
        mvc.perform(put("/api/v1/trust-accounts/" + otherCompound + "/residents/resident-2").with(admin("community-a")))
                .andExpect(status().isOk());
    }

    @Test
    void aResidentOfTheCompoundReadsItsAccountAndStatementsAndAResidentOfAnotherCompoundGets403() throws Exception {
        LocalDate today = LocalDate.now(COUNTY);
        LocalDate lastMonth = today.minusMonths(1).withDayOfMonth(1);
        book(staff(company), "PROPERTY_FEES", 1_250_000, lastMonth, null).andExpect(status().isCreated())
                .andExpect(jsonPath("$.sequence").value(1)).andExpect(jsonPath("$.balanceAfterFen").value(1_250_000));
        book(staff(company), "ADVERTISING", 30_000, today, null).andExpect(status().isCreated());
        String voucherId = json(mvc.perform(multipart("/api/v1/trust-accounts/" + compound + "/entries")
                        .file(new MockMultipartFile("entry", "", MediaType.APPLICATION_JSON_VALUE, """
                                {"category": "CLEANING", "amountFen": 80000, "day": "%s", "description": "保洁外包 月费"}"""
                                .formatted(today).getBytes()))
                        .file(new MockMultipartFile("vouchers", "发票.pdf", "application/pdf", "%PDF-1.4 发票".getBytes()))
                        .with(staff(company)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.balanceAfterFen").value(1_200_000))
                .andReturn().getResponse().getContentAsString()).get("vouchers").get(0).get("id").asString();

        mvc.perform(get("/api/v1/trust-accounts/" + compound).with(resident("resident-1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.balanceFen").value(1_200_000))
                .andExpect(jsonPath("$.lines").value(3));
        mvc.perform(get("/api/v1/trust-accounts/" + compound + "/statements/" + YearMonth.from(today))
                        .with(resident("resident-1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.openingFen").value(1_250_000))
                .andExpect(jsonPath("$.incomeFen").value(30_000))
                .andExpect(jsonPath("$.expensesFen").value(80_000))
                .andExpect(jsonPath("$.closingFen").value(1_200_000))
                .andExpect(jsonPath("$.entries.length()").value(2));
        mvc.perform(get("/api/v1/trust-accounts/" + compound + "/statements/" + YearMonth.from(lastMonth))
                        .with(resident("resident-1")))
                .andExpect(jsonPath("$.openingFen").value(0))
                .andExpect(jsonPath("$.closingFen").value(1_250_000))
                .andExpect(jsonPath("$.closed").value(true));
        mvc.perform(get("/api/v1/trust-accounts/" + compound + "/entries/3/vouchers/" + voucherId)
                        .with(resident("resident-1")))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"));

        mvc.perform(get("/api/v1/trust-accounts/" + compound).with(resident("resident-2")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("forbidden"));
        mvc.perform(get("/api/v1/trust-accounts/" + compound + "/statements/" + YearMonth.from(today))
                        .with(resident("resident-2")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/trust-accounts/" + compound + "/entries/3/vouchers/" + voucherId)
                        .with(resident("resident-2")))
                .andExpect(status().isForbidden());
        book(staff("another-company"), "PROPERTY_FEES", 100, today, null).andExpect(status().isForbidden());
        book(admin("community-b"), "PROPERTY_FEES", 100, today, null).andExpect(status().isForbidden());
        book(resident("resident-1"), "PROPERTY_FEES", 100, today, null).andExpect(status().isForbidden());

        JsonNode booked = PublishedEvents.awaitFirst(bootstrapServers, Topics.PROPERTY_EVENTS, compound + ":3",
                "TrustEntryBooked");
        assertThat(booked.get("payload").get("amountFen").asLong()).isEqualTo(-80_000);
        assertThat(booked.get("payload").get("balanceAfterFen").asLong()).isEqualTo(1_200_000);
    }

    @Test
    void anExpenseAboveTheOwnersThresholdIsRefusedUntilItsFourDeliberationsAndTwoPublicationsAreRecorded()
            throws Exception {
        LocalDate today = LocalDate.now(COUNTY);
        mvc.perform(put("/api/v1/trust-accounts/" + compound + "/threshold").with(staff(company))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"thresholdFen\": 1, \"basis\": \"x\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/trust-accounts/" + compound + "/threshold").with(admin("community-a"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"thresholdFen\": 300000, \"basis\": \"业主大会决定：单笔 3000 元以上支出须四议两公开\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.threshold.thresholdFen").value(300_000))
                .andExpect(jsonPath("$.threshold.isDefault").value(false));
        book(staff(company), "PROPERTY_FEES", 2_000_000, today, null).andExpect(status().isCreated());

        book(staff(company), "REPAIRS", 1_280_000, today, null)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("deliberation-required"))
                .andExpect(jsonPath("$.type").value("https://linli.example/problems/deliberation-required"));
        book(staff(company), "REPAIRS", 300_000, today, null).andExpect(status().isCreated());

        String deliberation = json(mvc.perform(post("/api/v1/trust-accounts/" + compound + "/deliberations")
                        .with(admin("community-a")).contentType(MediaType.APPLICATION_JSON).content("""
                                {"subject": "更换二次供水水泵", "amountFen": 1300000, "proposedOn": "%s",
                                 "summary": "小区党支部提议"}""".formatted(today)))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString()).get("id").asString();
        step(deliberation, "CONSULTATION", null).andExpect(status().isOk());
        step(deliberation, "DECISION", true).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("deliberation-step-out-of-order"));
        step(deliberation, "REVIEW", null).andExpect(status().isOk());
        step(deliberation, "DECISION", true).andExpect(status().isOk());
        book(staff(company), "REPAIRS", 1_280_000, today, deliberation)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("deliberation-not-ready"));
        step(deliberation, "RESULT_PUBLICATION", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.authorisesExpense").value(true));

        book(staff(company), "REPAIRS", 1_280_000, today, deliberation)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.deliberationId").value(deliberation))
                .andExpect(jsonPath("$.balanceAfterFen").value(2_000_000 - 300_000 - 1_280_000));
        book(staff(company), "REPAIRS", 1_000, today, deliberation)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("deliberation-used"));
        step(deliberation, "IMPLEMENTATION_PUBLICATION", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.expenseEntryId").value(compound + ":3"))
                .andExpect(jsonPath("$.nextStep").doesNotExist());
        mvc.perform(get("/api/v1/trust-accounts/" + compound + "/deliberations/" + deliberation)
                        .with(resident("resident-1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.steps.length()").value(6));
        mvc.perform(get("/api/v1/trust-accounts/" + compound + "/deliberations/" + deliberation)
                        .with(resident("resident-2")))
                .andExpect(status().isForbidden());
    }

    @Test
    void anOwnerObjectsToALineAndTheCompanyAnswersOnTheRecordVisibleToTheOwners() throws Exception {
        LocalDate today = LocalDate.now(COUNTY);
        book(staff(company), "PARKING", 42_000, today, null).andExpect(status().isCreated());
        mvc.perform(post("/api/v1/trust-accounts/" + compound + "/entries/1/objections").with(resident("resident-2"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"停车收益偏少\"}"))
                .andExpect(status().isForbidden());
        String objection = json(mvc.perform(post("/api/v1/trust-accounts/" + compound + "/entries/1/objections")
                        .with(resident("resident-1")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"停车收益偏少，地面车位 120 个\"}"))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString()).get("id").asString();
        mvc.perform(post("/api/v1/trust-accounts/" + compound + "/objections/" + objection + "/answer")
                        .with(staff("another-company")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"x\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/trust-accounts/" + compound + "/objections/" + objection + "/answer")
                        .with(staff(company)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"本月 3 天道路施工封闭，台账见凭证\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.answer.answeredAs").value("PROPERTY_COMPANY"));
        mvc.perform(get("/api/v1/trust-accounts/" + compound + "/entries/1").with(resident("resident-1")))
                .andExpect(jsonPath("$.objections[0].answer.text").value("本月 3 天道路施工封闭，台账见凭证"));
        mvc.perform(get("/api/v1/trust-accounts/" + compound + "/objections").param("open", "true")
                        .with(resident("resident-1")))
                .andExpect(jsonPath("$.page.totalElements").value(0));
        assertThat(PublishedEvents.awaitFirst(bootstrapServers, Topics.PROPERTY_EVENTS, objection,
                "TrustObjectionRaised").get("payload").get("entryId").asString()).isEqualTo(compound + ":1");
    }

    @Test
    void parallelBookingsLeaveAnExactGaplessLedgerAndNeverOverdraw() throws Exception {
        LocalDate today = LocalDate.now(COUNTY);
        book(staff(company), "PROPERTY_FEES", 100_000, today, null).andExpect(status().isCreated());
        int incomes = 24;
        int expenses = 24;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<MvcResult>> results = new ArrayList<>();
        for (int i = 0; i < incomes + expenses; i++) {
            boolean income = i % 2 == 0;
            results.add(pool.submit(() -> {
                start.await();
                return book(staff(company), income ? "PARKING" : "CLEANING", income ? 1_001 : 6_007, today, null)
                        .andReturn();
            }));
        }
        start.countDown();
        int booked = 0;
        int refused = 0;
        long expected = 100_000;
        for (int i = 0; i < results.size(); i++) {
            MvcResult result = results.get(i).get();
            if (result.getResponse().getStatus() == 201) {
                booked++;
                expected += i % 2 == 0 ? 1_001 : -6_007;
            } else {
                assertThat(json(result.getResponse().getContentAsString()).get("code").asString())
                        .isEqualTo("insufficient-funds");
                refused++;
            }
        }
        pool.shutdown();

        assertThat(booked + refused).isEqualTo(incomes + expenses);
        assertThat(refused).as("24 expenses of 6,007 exceed 100,000 + 24 × 1,001").isPositive();
        mvc.perform(get("/api/v1/trust-accounts/" + compound).with(resident("resident-1")))
                .andExpect(jsonPath("$.balanceFen").value(expected))
                .andExpect(jsonPath("$.lines").value(booked + 1));
        JsonNode statement = json(mvc.perform(get("/api/v1/trust-accounts/" + compound + "/statements/"
                + YearMonth.from(today)).with(resident("resident-1"))).andReturn().getResponse().getContentAsString());
        assertThat(statement.get("closingFen").asLong()).isEqualTo(expected);
        long running = 0;
        long sequence = 0;
        for (JsonNode line : statement.get("entries")) {
            assertThat(line.get("sequence").asLong()).isEqualTo(++sequence);
            running += line.get("amountFen").asLong();
            assertThat(line.get("balanceAfterFen").asLong()).isEqualTo(running).isNotNegative();
        }
        assertThat(running).isEqualTo(expected);
    }

    @Test
    void badInputIsA400OrA422ProblemWithItsCode() throws Exception {
        LocalDate today = LocalDate.now(COUNTY);
        mvc.perform(post("/api/v1/trust-accounts/" + compound + "/entries").with(staff(company))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"category\": \"PARKING\", \"amountFen\": -5, \"day\": \"" + today + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid-request"));
        book(staff(company), "PROPERTY_FEES", 100, today.plusDays(1), null)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("entry-in-future"));
        mvc.perform(post("/api/v1/trust-accounts/" + compound + "/entries").with(staff(company))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"kind": "INCOME", "category": "REPAIRS", "amountFen": 5, "day": "%s",
                                 "description": "x"}""".formatted(today)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("category-mismatch"));
        mvc.perform(multipart("/api/v1/trust-accounts/" + compound + "/entries")
                        .file(new MockMultipartFile("entry", "", MediaType.APPLICATION_JSON_VALUE, """
                                {"category": "PARKING", "amountFen": 5, "day": "%s", "description": "x"}"""
                                .formatted(today).getBytes()))
                        .file(new MockMultipartFile("vouchers", "a.exe", "application/pdf", "MZ....".getBytes()))
                        .with(staff(company)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("invalid-voucher"));
        book(staff(company), "PROPERTY_FEES", 100, today, null).andExpect(status().isCreated());
        mvc.perform(post("/api/v1/trust-accounts/" + compound + "/entries/1/reversal").with(staff(company))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"重复入账\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("REVERSAL"))
                .andExpect(jsonPath("$.balanceAfterFen").value(0));
        mvc.perform(post("/api/v1/trust-accounts/" + compound + "/entries/1/reversal").with(staff(company))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"重复入账\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("already-reversed"));
        mvc.perform(get("/api/v1/trust-accounts/" + compound + "/entries").with(countyAdmin()))
                .andExpect(jsonPath("$.page.totalElements").value(2));
        mvc.perform(get("/api/v1/trust-accounts/unknown").with(countyAdmin())).andExpect(status().isNotFound());
    }

    private org.springframework.test.web.servlet.ResultActions book(RequestPostProcessor caller, String category,
                                                                     long fen, LocalDate day, String deliberation)
            throws Exception {
        return mvc.perform(post("/api/v1/trust-accounts/" + compound + "/entries").with(caller)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"category": "%s", "amountFen": %d, "day": "%s", "description": "测试", "deliberationId": %s}"""
                        .formatted(category, fen, day, deliberation == null ? "null" : "\"" + deliberation + "\"")));
    }

    private org.springframework.test.web.servlet.ResultActions step(String deliberation, String step, Boolean approved)
            throws Exception {
        return mvc.perform(post("/api/v1/trust-accounts/" + compound + "/deliberations/" + deliberation + "/steps")
                .with(admin("community-a")).contentType(MediaType.APPLICATION_JSON).content("""
                        {"step": "%s", "on": "%s", "summary": "%s 记录", "approved": %s}"""
                        .formatted(step, LocalDate.now(COUNTY), step, approved)));
    }

    private String create(String body, String path) throws Exception {
        return json(mvc.perform(post(path).with(path.endsWith("compounds") || path.endsWith("contracts")
                                ? admin("community-a") : countyAdmin())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString()).get("id").asString();
    }

    private static RequestPostProcessor resident(String account) {
        return jwt().jwt(token -> token.subject(account).claim("roles", List.of("RESIDENT"))
                        .claim("org_unit_id", "community-a").claim("org_unit_path", Api.STREET_PATH + "community-a/"))
                .authorities(new SimpleGrantedAuthority("ROLE_RESIDENT"));
    }
}
