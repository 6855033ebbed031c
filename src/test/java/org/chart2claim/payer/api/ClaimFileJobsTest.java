package org.chart2claim.payer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.chart2claim.claim.Claim;
import org.chart2claim.claim.x12.Claim837Writer;
import org.chart2claim.claim.x12.SampleClaims;
import org.chart2claim.config.Json;
import org.chart2claim.payer.ClaimFileJobs;
import org.chart2claim.payer.PayerService;
import org.chart2claim.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** A claim file as a job: accepted at once, progress polled, the answer fetched later, owner only. */
@IntegrationTest
class ClaimFileJobsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    PayerService payer;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aFileIsAcceptedPolledAndItsAnswerFetchedByItsOwnerOnly() throws Exception {
        String x12 = new Claim837Writer().write(SampleClaims.all(), SampleClaims.ENVELOPE);
        String location = mvc.perform(
                        post("/api/payer/claim-jobs?ledger=" + UUID.randomUUID() + "&receivedOn=2026-03-24")
                                .with(httpBasic("student", IntegrationTest.DEMO_PASSWORD))
                                .contentType("application/edi-x12")
                                .content(x12))
                .andExpect(status().isAccepted())
                .andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.total").value(4))
                .andReturn()
                .getResponse()
                .getHeader("Location");

        assertThat(finalState(location)).isEqualTo("DONE");
        mvc.perform(get(location).with(httpBasic("student", IntegrationTest.DEMO_PASSWORD)))
                .andExpect(jsonPath("$.done").value(4));
        mvc.perform(get(location + "/result").with(httpBasic("student", IntegrationTest.DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.claims.length()").value(4))
                .andExpect(jsonPath("$.claims[0].patientControlNumber").value("PCN1001"));
        mvc.perform(get(location + "/result").with(httpBasic("instructor", IntegrationTest.DEMO_PASSWORD)))
                .andExpect(status().isNotFound());
    }

    /**
     * A file over the 1 MB of other API calls (2,000 claims, 1.3 MB) is a job too: read from its temporary file while
     * it is adjudicated, its answer fetched as JSON and as an 835 from disk.
     */
    @Test
    void aFileOverAMegabyteIsAJobAndItsAnswerComesAsJsonOrAn835() throws Exception {
        List<Claim> claims = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            claims.addAll(SampleClaims.all());
        }
        String x12 = new Claim837Writer().write(claims, SampleClaims.ENVELOPE);
        assertThat(x12.length()).isGreaterThan(1024 * 1024);
        String location = mvc.perform(
                        post("/api/payer/claim-jobs?ledger=" + UUID.randomUUID() + "&receivedOn=2026-03-24")
                                .with(httpBasic("student", IntegrationTest.DEMO_PASSWORD))
                                .contentType("application/edi-x12")
                                .content(x12))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.total").value(2000))
                .andReturn()
                .getResponse()
                .getHeader("Location");
        assertThat(finalState(location)).isEqualTo("DONE");
        mvc.perform(get(location + "/result").with(httpBasic("student", IntegrationTest.DEMO_PASSWORD)))
                .andExpect(status().isOk())
                // every claim answered, and the reversals the sample's corrections set off
                .andExpect(jsonPath("$.claims.length()", org.hamcrest.Matchers.greaterThanOrEqualTo(2000)));
        String remittance = mvc.perform(get(location + "/result")
                        .with(httpBasic("student", IntegrationTest.DEMO_PASSWORD))
                        .accept("application/edi-x12"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(remittance).startsWith("ISA*").contains("ST*835*").contains("CLP*PCN1001*");
    }

    /** The job's state once it is done or failed (polled for at most two minutes). */
    private String finalState(String location) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        String state = "";
        while (!state.equals("DONE") && !state.equals("FAILED") && System.nanoTime() < deadline) {
            Thread.sleep(100);
            state = Json.MAPPER
                    .readTree(mvc.perform(get(location).with(httpBasic("student", IntegrationTest.DEMO_PASSWORD)))
                            .andExpect(status().isOk())
                            .andReturn()
                            .getResponse()
                            .getContentAsString())
                    .get("state")
                    .asString();
        }
        return state;
    }

    @Test
    void aJobNobodyPollsAnyMoreIsCancelledAndStoresNothing() throws Exception {
        // every look at the clock is ten minutes later: the owner has gone by the time the job runs
        AtomicInteger looks = new AtomicInteger();
        Instant start = Instant.parse("2026-04-10T08:00:00Z");
        Clock hurrying = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return start.plus(Duration.ofMinutes(10L * looks.getAndIncrement()));
            }
        };
        ClaimFileJobs jobs = new ClaimFileJobs(payer, hurrying);
        String ledger = "abandoned-" + UUID.randomUUID();
        Path file = Files.createTempFile("abandoned", ".x12");
        Files.writeString(file, new Claim837Writer().write(SampleClaims.all(), SampleClaims.ENVELOPE));

        ClaimFileJobs.Status started = jobs.start("student", ledger, file, 4, LocalDate.of(2026, 3, 24));

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        ClaimFileJobs.State state = started.state();
        while (state != ClaimFileJobs.State.CANCELLED && System.nanoTime() < deadline) {
            Thread.sleep(50);
            state = jobs.status(started.id(), "student").orElseThrow().state();
        }
        assertThat(state).isEqualTo(ClaimFileJobs.State.CANCELLED);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payer_claim WHERE ledger = ?", Integer.class, ledger))
                .isZero();
        assertThat(file).as("the job deletes its file").doesNotExist();
        jobs.destroy();
    }
}
