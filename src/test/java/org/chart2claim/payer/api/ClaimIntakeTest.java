package org.chart2claim.payer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.chart2claim.claim.BillingProvider;
import org.chart2claim.claim.Claim;
import org.chart2claim.claim.ClaimBuilder;
import org.chart2claim.claim.ServiceLine;
import org.chart2claim.claim.x12.Claim837Writer;
import org.chart2claim.claim.x12.SampleClaims;
import org.chart2claim.config.ClientConnection;
import org.chart2claim.config.Json;
import org.chart2claim.payer.PayerClaimRepository;
import org.chart2claim.payer.PayerFixtures;
import org.chart2claim.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 16: no stored claim may break later processing, and a claim that cannot be stored or answered is
 * refused up front with its reasons, storing nothing.
 */
@IntegrationTest
class ClaimIntakeTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    PayerClaimRepository repository;

    private ResultActions submit(String ledger, String json, String accept) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                        "/api/payer/claims?receivedOn=2026-03-24&ledger=" + ledger)
                .with(httpBasic("student", IntegrationTest.DEMO_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .accept(accept)
                .content(json));
    }

    private static String json(Claim claim) {
        return Json.MAPPER.writeValueAsString(claim);
    }

    private int stored(String ledger) {
        return repository.findByUsernameAndLedgerOrderByIdAsc("student", ledger).size();
    }

    @Test
    void aClaimWithoutMemberIdDoesNotBreakLaterClaimsOfTheLedger() throws Exception {
        String ledger = UUID.randomUUID().toString();
        ObjectNode broken = Json.MAPPER.valueToTree(
                PayerFixtures.medicareVisit().patientControlNumber("NOMEMBER1").build());
        ((ObjectNode) broken.get("insured")).remove("memberId");
        submit(ledger, broken.toString(), MediaType.APPLICATION_JSON_VALUE)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.claims[0].status").value("REJECTED"));
        for (String pcn : List.of("AFTER1", "AFTER2")) {
            submit(
                            ledger,
                            json(PayerFixtures.medicareVisit()
                                    .patientControlNumber(pcn)
                                    .build()),
                            "application/json")
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.claims[0].patientControlNumber").value(pcn));
        }
        // A scenario claim in the same ledger is processed too.
        mvc.perform(post("/api/scenarios/pc-001-dm2-neuropathy/claims")
                        .with(httpBasic("student", IntegrationTest.DEMO_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"diagnoses\":[\"E11.40\"],\"procedures\":[{\"code\":\"99214\",\"pointers\":[1]}],"
                                + "\"ledger\":\"" + ledger + "\"}"))
                .andExpect(status().isOk());
    }

    @Test
    void aHugeChargeIsRefusedAndNothingIsStored() throws Exception {
        String ledger = UUID.randomUUID().toString();
        Claim claim = PayerFixtures.medicareVisit()
                .lines(List.of())
                .line(PayerFixtures.DOS, "99214", List.of(), 1, List.of(1), new BigDecimal("10000000000000"))
                .build();
        submit(ledger, json(claim), "application/edi-x12")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.status").value(422))
                .andExpect(jsonPath("$.problems[0]", containsString("charge")));
        assertThat(stored(ledger)).isZero();
    }

    @Test
    void tenThousandLinesOrAHundredThousandModifiersAreRefused() throws Exception {
        String ledger = UUID.randomUUID().toString();
        Claim base = PayerFixtures.medicareVisit().build();
        ServiceLine line = base.lines().getFirst();
        List<ServiceLine> many = new ArrayList<>(Collections.nCopies(10_000, line));
        submit(ledger, json(ClaimBuilder.from(base).lines(many).build()), "application/json")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", containsString("10000 service lines")));
        List<String> modifiers = Collections.nCopies(100_000, "25");
        submit(
                        ledger,
                        json(ClaimBuilder.from(base)
                                .lines(List.of(line.withModifiers(modifiers)))
                                .build()),
                        "application/json")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", containsString("100000 modifiers")));
        assertThat(stored(ledger)).isZero();
    }

    @Test
    void aBillingNameLongerThanItsX12ElementIsRefusedBeforeStoring() throws Exception {
        String ledger = UUID.randomUUID().toString();
        Claim base = PayerFixtures.medicareVisit().build();
        BillingProvider b = base.billing();
        Claim longName = ClaimBuilder.from(base)
                .billing(new BillingProvider("N".repeat(1000), b.npi(), b.taxId(), b.address(), b.phone()))
                .build();
        submit(ledger, json(longName), "application/edi-x12")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", containsString("billing provider name")));
        assertThat(stored(ledger)).isZero();
        // The same claim with a fitting name is answered with an 835, and stored once.
        submit(ledger, json(base), "application/edi-x12").andExpect(status().isOk());
        assertThat(stored(ledger)).isEqualTo(1);
    }

    /**
     * A claim file is adjudicated while it is read, 500 claims at a time, yet stays all or nothing: a claim over a
     * limit after the first batch, or malformed X12 at the file's very end, refuses the whole file and stores none
     * of the batches decided before.
     */
    @Test
    void aFileRefusedAfterItsFirstBatchStoresNothing() throws Exception {
        Claim visit = PayerFixtures.medicareVisit().build();
        List<Claim> claims = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            claims.add(ClaimBuilder.from(visit).patientControlNumber("BIG" + i).build());
        }
        ServiceLine l = visit.lines().getFirst();
        List<Claim> overLimit = new ArrayList<>(claims);
        overLimit.set(
                649,
                ClaimBuilder.from(claims.get(649))
                        .lines(List.of())
                        .line(
                                l.from(),
                                l.code(),
                                l.modifiers(),
                                l.units(),
                                l.pointers(),
                                new BigDecimal("123456789.00"))
                        .build());
        String ledger = UUID.randomUUID().toString();
        submitX12(ledger, x12(overLimit))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", containsString("Claim 650: Line 1 charge 123456789 is over")));
        assertThat(stored(ledger)).isZero();

        String badEnd = x12(claims).replaceFirst("SE\\*\\d+\\*", "SE*3*");
        submitX12(ledger, badEnd)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.segment").value("SE"))
                .andExpect(jsonPath("$.segmentPosition").isNumber());
        assertThat(stored(ledger)).isZero();

        submitX12(ledger, x12(claims))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.claims.length()").value(700));
        assertThat(stored(ledger)).isEqualTo(700);
    }

    /**
     * Issue 16: a client that hung up is noticed between batches and once more when the answer is ready, and all it
     * sent is rolled back (the look at the connection is Tomcat's, see {@code payer.ClientHangUpTest}; here a stand-in).
     * Gone when its answer is ready: the 600 claims were decided and are not stored. Gone after the first batch: the
     * work stops there. Gone once the body is in: nothing is decided. Present: stored and answered.
     */
    @Test
    void aClientGoneBeforeItsAnswerIsReadyGetsNothingStored() throws Exception {
        Claim visit = PayerFixtures.medicareVisit().build();
        List<Claim> claims = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            claims.add(ClaimBuilder.from(visit).patientControlNumber("GONE" + i).build());
        }
        String ledger = UUID.randomUUID().toString();
        int[] looks = {0};
        // looks: once the body is in, after each of the two batches, when the answer is ready
        java.util.function.BooleanSupplier goneAtTheAnswer = () -> ++looks[0] == 4;
        submitX12(ledger, x12(claims), goneAtTheAnswer)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("closed its connection")));
        assertThat(looks[0]).isEqualTo(4);
        assertThat(stored(ledger)).isZero();

        looks[0] = 0;
        java.util.function.BooleanSupplier goneAfterTheFirstBatch = () -> ++looks[0] == 2;
        submitX12(ledger, x12(claims), goneAfterTheFirstBatch).andExpect(status().isBadRequest());
        assertThat(looks[0]).as("stopped after the first batch").isEqualTo(2);
        assertThat(stored(ledger)).isZero();

        looks[0] = 0;
        java.util.function.BooleanSupplier goneFromTheStart = () -> ++looks[0] > 0;
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                "/api/payer/claims?receivedOn=2026-03-24&ledger=" + ledger)
                        .with(httpBasic("student", IntegrationTest.DEMO_PASSWORD))
                        .requestAttr(ClientConnection.GONE, goneFromTheStart)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(Json.MAPPER.writeValueAsString(java.util.Map.of("claims", claims))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("Nothing was stored")));
        assertThat(looks[0]).as("nothing decided").isEqualTo(1);
        assertThat(stored(ledger)).isZero();

        java.util.function.BooleanSupplier present = () -> false;
        submitX12(ledger, x12(claims), present)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.claims.length()").value(600));
        assertThat(stored(ledger)).isEqualTo(600);
    }

    /** JSON that is not claims is refused before anything is decided, with the shape it should have. */
    @Test
    void jsonThatIsNotClaimsIsABadRequest() throws Exception {
        String ledger = UUID.randomUUID().toString();
        for (String body : List.of("[]", "{\"claims\":[]}", "42", "{\"claims\":[{}],\"claims\":[{}]}", "{} {}")) {
            submit(ledger, body, MediaType.APPLICATION_JSON_VALUE)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.status").value(400));
        }
        submit(ledger, "{\"claims\":[{}, {\"patientControlNumber\":", MediaType.APPLICATION_JSON_VALUE)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("could not be read")));
        assertThat(stored(ledger)).isZero();
    }

    private ResultActions submitX12(String ledger, String x12, java.util.function.BooleanSupplier gone)
            throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                        "/api/payer/claims?receivedOn=2026-03-24&ledger=" + ledger)
                .with(httpBasic("student", IntegrationTest.DEMO_PASSWORD))
                .requestAttr(ClientConnection.GONE, gone == null ? "not looked at" : gone)
                .contentType("application/edi-x12")
                .accept(MediaType.APPLICATION_JSON)
                .content(x12));
    }

    private ResultActions submitX12(String ledger, String x12) throws Exception {
        return submitX12(ledger, x12, null);
    }

    private static String x12(List<Claim> claims) {
        return new Claim837Writer().write(claims, SampleClaims.ENVELOPE);
    }
}
