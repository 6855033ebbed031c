package org.chart2claim.payer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chart2claim.claim.Claim;
import org.chart2claim.claim.ClaimBuilder;
import org.chart2claim.claim.FrequencyCode;
import org.chart2claim.claim.ServiceLine;
import org.chart2claim.claim.x12.Claim837Writer;
import org.chart2claim.claim.x12.ParsedClaim;
import org.chart2claim.config.Json;
import org.chart2claim.payer.api.PayerClaimsController;
import org.chart2claim.payer.data.Member;
import org.chart2claim.payer.x12.Remittance835Writer;
import org.chart2claim.standard.x12.X12Envelope;
import org.chart2claim.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The stored ledger answers the history edits from its index exactly as a scan of every earlier claim
 * did: the same claims split over several submissions get the same decisions, duplicates and deductible
 * as one in-memory run; claims stored before the index existed are indexed on the next submission, and an
 * unreadable stored claim is skipped, never a reason to fail.
 */
@IntegrationTest
class ClaimLedgerTest {
    static final LocalDate RECEIVED = LocalDate.of(2026, 4, 10);

    @Autowired
    PayerService payer;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ClaimLedger claimLedger;

    @Test
    void indexedHistoryDecidesLikeAScanOfEveryEarlierClaim() {
        List<Claim> claims = generated(90);
        String ledger = "index-" + UUID.randomUUID();
        List<ClaimResult> stored = new ArrayList<>();
        for (int from = 0; from < claims.size(); from += 30) {
            stored.addAll(payer.submit(
                    "student",
                    ledger,
                    parsed(claims.subList(from, from + 30)),
                    RECEIVED,
                    null,
                    null,
                    Disclosure.TEACHING));
        }

        List<ClaimResult> expected = decidedLikeAScan(claims, stored);
        int duplicates =
                expected.stream().mapToInt(r -> (int) adjustments(r, "18")).sum();
        int deductibleLines =
                expected.stream().mapToInt(r -> (int) adjustments(r, "1")).sum();
        assertThat(duplicates)
                .as("the sample has duplicates across submissions")
                .isGreaterThan(5);
        assertThat(deductibleLines).as("and deductible applied").isGreaterThan(5);
    }

    /**
     * The reference: the same claims, one after another, each seeing every earlier one in memory; asserts that each
     * {@code stored} result is the reference's and answers them.
     */
    private List<ClaimResult> decidedLikeAScan(List<Claim> claims, List<ClaimResult> stored) {
        InMemoryClaimHistory everyEarlierClaim = new InMemoryClaimHistory();
        List<ClaimResult> out = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            ClaimResult expected = payer.adjudicator()
                    .adjudicate(
                            new AdjudicationRequest(
                                    claims.get(i),
                                    List.of(),
                                    RECEIVED,
                                    everyEarlierClaim,
                                    null,
                                    stored.get(i).payerClaimNumber()),
                            LocalDate.now());
            assertThat(stored.get(i)).as("claim %d", i).isEqualTo(expected);
            everyEarlierClaim.add(claims.get(i), expected);
            out.add(expected);
        }
        return out;
    }

    /**
     * A payer decides the same file the same way: the same 600 claims (many lines duplicates of earlier ones, more
     * than one {@value PayerService#BATCH}-claim batch) into two fresh ledgers, and in three files into a third
     * (the later files ask the stored history, not memory), give the same remittance, byte for byte, once the
     * payer claim numbers (record ids) are numbered in order of appearance.
     */
    @Test
    void theSameFileGetsTheSameRemittanceInEveryFreshLedger() {
        List<Claim> claims = generated(600);

        String first = remittance(submitInFiles("same-a-" + UUID.randomUUID(), claims, claims.size()));
        String second = remittance(submitInFiles("same-b-" + UUID.randomUUID(), claims, claims.size()));
        String inParts = remittance(submitInFiles("same-c-" + UUID.randomUUID(), claims, 200));

        assertThat(first).contains("CAS*CO*18*").contains("CAS*PR*1*");
        assertThat(second).isEqualTo(first);
        assertThat(inParts).isEqualTo(first);
    }

    private List<ClaimResult> submitInFiles(String ledger, List<Claim> claims, int perFile) {
        List<ClaimResult> out = new ArrayList<>();
        for (int from = 0; from < claims.size(); from += perFile) {
            out.addAll(payer.submit(
                    "student",
                    ledger,
                    parsed(claims.subList(from, Math.min(claims.size(), from + perFile))),
                    RECEIVED,
                    null,
                    null,
                    Disclosure.TEACHING));
        }
        return out;
    }

    /** The 835 and the JSON of the results, payer claim numbers replaced by their order of first appearance. */
    private static String remittance(List<ClaimResult> results) {
        String text = new Remittance835Writer()
                        .write(
                                results,
                                new X12Envelope("SIMPAYER", "CHART2CLAIM", 1, LocalDateTime.of(2026, 4, 10, 8, 0), 'T'),
                                RECEIVED)
                + "\n" + Json.MAPPER.writeValueAsString(results);
        return numbered(text);
    }

    /** {@code text} with each payer claim number replaced by its order of first appearance. */
    private static String numbered(String text) {
        Map<String, String> numbers = new HashMap<>();
        Matcher m = Pattern.compile("SIM\\d{8}").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, numbers.computeIfAbsent(m.group(), k -> "N" + numbers.size()));
        }
        return m.appendTail(out).toString();
    }

    @Test
    void claimsStoredBeforeTheIndexAreIndexedAndUnreadableOnesSkipped() {
        String ledger = "backfill-" + UUID.randomUUID();
        Claim claim = generated(1).getFirst();
        ClaimResult first = submit(ledger, claim).getFirst();
        assertThat(first.status()).isNotEqualTo(ClaimStatus.DENIED);
        // as stored by a version without the index, plus a record nobody can read
        jdbc.update("DELETE FROM payer_claim_line WHERE ledger = ?", ledger);
        jdbc.update("UPDATE payer_claim SET history_indexed = FALSE WHERE ledger = ?", ledger);
        jdbc.update(
                "INSERT INTO payer_claim (username, ledger, patient_control_number, payer_id, member_id, status, billed,"
                        + " paid, patient_responsibility, received_on, submitted_at, claim_json, result_json)"
                        + " VALUES ('student', ?, 'BROKEN', 'X', '', 'PAID', 0, 0, 0, DATE '2026-04-01',"
                        + " CURRENT_TIMESTAMP, '{\"insured\":{}}', '{\"status\":\"PAID\"')",
                ledger);

        ClaimResult again = payer.submit(
                        "student", ledger, parsed(List.of(claim)), RECEIVED, null, null, Disclosure.TEACHING)
                .getFirst();

        assertThat(again.lines())
                .allSatisfy(line -> assertThat(line.adjustments())
                        .anySatisfy(a -> assertThat(a.carc()).isEqualTo("18")));
        assertThat(again.lines().getFirst().adjustments().getLast().explanation())
                .contains(first.payerClaimNumber());
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM payer_claim WHERE ledger = ? AND history_indexed = FALSE",
                        Integer.class,
                        ledger))
                .isZero();
    }

    @Test
    void aVoidTakesTheStoredOriginalOutOfTheIndexSoItIsNoLongerADuplicate() {
        String ledger = "void-" + UUID.randomUUID();
        Claim claim = generated(1).getFirst();
        ClaimResult first = submit(ledger, claim).getFirst();
        Claim voiding = ClaimBuilder.from(claim)
                .frequency(FrequencyCode.VOID, first.payerClaimNumber())
                .build();

        List<ClaimResult> voided = submit(ledger, voiding);

        assertThat(voided).extracting(ClaimResult::status).containsExactly(ClaimStatus.REVERSED);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM payer_claim_line WHERE ledger = ? AND payer_claim_number = ?",
                        Integer.class,
                        ledger,
                        first.payerClaimNumber()))
                .isZero();
        // sent again as a new original, in the same file as a second void of the same claim (rejected: already
        // reversed), the service is no duplicate
        List<ClaimResult> again = submit(ledger, voiding, claim);
        assertThat(again.getFirst().status()).isEqualTo(ClaimStatus.REJECTED);
        assertThat(adjustments(again.getLast(), "18")).isZero();
    }

    /**
     * A replacement and a void in the same {@value PayerService#BATCH}-claim batch as the claims they correct: the
     * originals leave the history index as they do when the correction comes in a later file, so a later file
     * sending them again as new claims finds no duplicate.
     */
    @Test
    void aReplacementAndAVoidInTheSameBatchAsTheirOriginalsLeaveNoHistoryOfThem() {
        String ledger = "same-batch-" + UUID.randomUUID();
        List<Claim> pool = generated(60);
        Claim a = pool.getFirst();
        Claim b = pool.stream()
                .filter(c -> !ServiceKey.memberKey(c).equals(ServiceKey.memberKey(a)))
                .findFirst()
                .orElseThrow();
        // the ids the file will draw (file order; a correction draws its reversal's id, then its own)
        long next = claimLedger.newIds(1).getFirst() + 1;
        String aNumber = ClaimLedger.payerClaimNumber(next);
        String bNumber = ClaimLedger.payerClaimNumber(next + 3);
        Claim replacement = replacement(a, aNumber);
        Claim voiding =
                ClaimBuilder.from(b).frequency(FrequencyCode.VOID, bNumber).build();

        List<ClaimResult> file = submit(ledger, a, replacement, b, voiding);

        assertThat(file)
                .extracting(ClaimResult::status)
                .doesNotContain(ClaimStatus.REJECTED)
                .containsSubsequence(ClaimStatus.REVERSED, ClaimStatus.REVERSED);
        assertThat(file.getFirst().payerClaimNumber()).isEqualTo(aNumber);
        assertThat(file.get(3).payerClaimNumber()).isEqualTo(bNumber);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM payer_claim_line WHERE ledger = ? AND payer_claim_number IN (?, ?)",
                        Integer.class,
                        ledger,
                        aNumber,
                        bNumber))
                .as("index rows of the reversed originals")
                .isZero();
        List<ClaimResult> later = submit(ledger, a, b);
        assertThat(later).allSatisfy(r -> assertThat(adjustments(r, "18")).isZero());
    }

    /**
     * A file that corrects its own claims (in the same batch, in the next batch, across the
     * {@value PayerService#BATCH}-claim boundary, a replacement of a replacement) is decided and stored exactly as
     * the same claims sent one by one: the same remittance, the same stored ledger in the same order, the same history
     * index, and a later file (with a correction of a stored claim and that claim sent again after it) is decided the
     * same way, whether the history is read once per batch or asked line by line.
     */
    @Test
    void aFileThatCorrectsItsOwnClaimsIsDecidedAndStoredAsClaimByClaim() {
        List<Claim> base = generated(560);
        List<Step> steps = correcting(base);

        String oneByOne = "one-" + UUID.randomUUID();
        List<ClaimResult> singly = new ArrayList<>();
        Map<Integer, String> numbers = new HashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            List<ClaimResult> answer = submit(oneByOne, steps.get(i).claim(numbers));
            singly.addAll(answer);
            numbers.put(i, answer.getLast().payerClaimNumber());
        }
        String inOneFile = "file-" + UUID.randomUUID();
        Map<Integer, String> predicted = predictedNumbers(steps);
        List<ClaimResult> asFile =
                submit(inOneFile, steps.stream().map(s -> s.claim(predicted)).toArray(Claim[]::new));

        assertThat(asFile).extracting(ClaimResult::status).doesNotContain(ClaimStatus.REJECTED);
        assertThat(asFile).filteredOn(r -> r.status() == ClaimStatus.REVERSED).hasSize(5);
        assertThat(remittance(asFile)).isEqualTo(remittance(singly));
        assertThat(storedLedger(inOneFile)).isEqualTo(storedLedger(oneByOne));

        // later: a replacement of a stored claim, then that claim again (no duplicate of what was reversed: the
        // claim's services are in no other claim), then every claim again
        int k = uniqueServices(base, 20);
        List<Claim> laterFor = new ArrayList<>();
        List<Claim> laterOneByOne = new ArrayList<>();
        for (Map<Integer, String> n : List.of(predicted, numbers)) {
            List<Claim> later = n == predicted ? laterFor : laterOneByOne;
            later.add(replacement(base.get(k), n.get(stepOf(steps, base.get(k)))));
            later.add(base.get(k));
            later.addAll(base);
        }
        List<ClaimResult> fileLaterAnswers = submit(inOneFile, laterFor.toArray(Claim[]::new));
        assertThat(fileLaterAnswers.get(2).patientControlNumber())
                .isEqualTo(base.get(k).patientControlNumber());
        assertThat(adjustments(fileLaterAnswers.get(2), "18")).isZero();
        String fileLater = remittance(fileLaterAnswers);
        int limit = claimLedger.preparedLinesLimit();
        try {
            claimLedger.preparedLinesLimit(0); // every question asked line by line from the index
            assertThat(remittance(submit(oneByOne, laterOneByOne.toArray(Claim[]::new))))
                    .isEqualTo(fileLater);
        } finally {
            claimLedger.preparedLinesLimit(limit);
        }
        assertThat(fileLater).contains("CAS*CO*18*");
    }

    /**
     * A file of {@code base} with corrections of its own claims: a replacement and a void in the first batch, a
     * replacement of that replacement, a replacement of the first batch's last claim as the next batch's first, and
     * a void in the second batch.
     */
    private static List<Step> correcting(List<Claim> base) {
        List<Step> steps = new ArrayList<>();
        for (int k = 0; k < base.size(); k++) {
            steps.add(new Step(base.get(k), -1, FrequencyCode.ORIGINAL));
            if (k == 5) {
                steps.add(new Step(base.get(2), stepOf(steps, base.get(2)), FrequencyCode.REPLACEMENT));
            } else if (k == 9) {
                steps.add(new Step(base.get(7), stepOf(steps, base.get(7)), FrequencyCode.VOID));
            } else if (k == 12) {
                // a replacement of that replacement (step 6)
                steps.add(new Step(replacement(base.get(2), "-"), 6, FrequencyCode.REPLACEMENT));
            } else if (steps.size() == PayerService.BATCH) {
                // the original is the batch's last claim, its replacement the next batch's first
                steps.add(new Step(base.get(k), steps.size() - 1, FrequencyCode.REPLACEMENT));
            } else if (k == 530) {
                steps.add(new Step(base.get(100), stepOf(steps, base.get(100)), FrequencyCode.VOID));
            }
        }
        assertThat(steps.get(6).corrects()).isEqualTo(2);
        assertThat(steps.get(PayerService.BATCH).corrects()).isEqualTo(PayerService.BATCH - 1);
        return steps;
    }

    /** The payer claim numbers the steps will get when they are the next file submitted (nothing else drawing ids). */
    private Map<Integer, String> predictedNumbers(List<Step> steps) {
        Map<Integer, String> predicted = new HashMap<>();
        long next = claimLedger.newIds(1).getFirst() + 1;
        for (int i = 0; i < steps.size(); i++) {
            next += steps.get(i).corrects() >= 0 ? 1 : 0; // the reversal's id
            predicted.put(i, ClaimLedger.payerClaimNumber(next++));
        }
        return predicted;
    }

    /**
     * The same correcting file as X12, adjudicated while it is read ({@link PayerService#submitFileAndAnswer}: the
     * first batch is decided before the file has been read to its end, the answers go to disk) is answered (JSON and
     * 835, byte for byte) and stored exactly as when it is read whole first.
     */
    @Test
    void aFileAdjudicatedWhileItIsReadIsAnsweredAndStoredAsTheFileReadWhole() throws Exception {
        List<Step> steps = correcting(generated(560));
        X12Envelope envelope = new X12Envelope("SIMPAYER", "CHART2CLAIM", 1, LocalDateTime.of(2026, 4, 10, 8, 0), 'T');

        String whole = "whole-" + UUID.randomUUID();
        List<ClaimResult> wholeAnswers =
                payer.submit("student", whole, payer.read837(x12(steps)), RECEIVED, null, null, Disclosure.TEACHING);
        String wholeJson = Json.MAPPER.writeValueAsString(new PayerClaimsController.Remittance(wholeAnswers));
        String whole835 = new Remittance835Writer().write(wholeAnswers, envelope, RECEIVED);

        String streamed = "streamed-" + UUID.randomUUID();
        byte[] file = x12(steps);
        int[] answeredAtNineTenths = {-1};
        try (SpooledResults answers = new SpooledResults(null)) {
            InputStream arriving = new ByteArrayInputStream(file) {
                @Override
                public synchronized int read() {
                    look();
                    return super.read();
                }

                @Override
                public synchronized int read(byte[] b, int off, int len) {
                    look();
                    return super.read(b, off, Math.min(len, 4096));
                }

                private void look() {
                    if (answeredAtNineTenths[0] < 0 && pos >= count * 9L / 10) {
                        answeredAtNineTenths[0] = answers.size();
                    }
                }
            };
            String json = payer.submitFileAndAnswer(
                    "student",
                    streamed,
                    ClaimFileReader.X12_837P,
                    arriving,
                    RECEIVED,
                    Disclosure.TEACHING,
                    answers,
                    done -> {},
                    spooled -> {
                        try (InputStream in = spooled.json()) {
                            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
            ByteArrayOutputStream x835 = new ByteArrayOutputStream();
            answers.write835(new Remittance835Writer(), envelope, RECEIVED, x835);

            assertThat(answeredAtNineTenths[0])
                    .as("answers decided before the file was read to its end")
                    .isGreaterThanOrEqualTo(PayerService.BATCH);
            assertThat(answers.size()).isEqualTo(wholeAnswers.size());
            assertThat(wholeAnswers)
                    .filteredOn(r -> r.status() == ClaimStatus.REVERSED)
                    .hasSize(5);
            assertThat(numbered(json)).isEqualTo(numbered(wholeJson));
            assertThat(numbered(x835.toString(StandardCharsets.US_ASCII))).isEqualTo(numbered(whole835));
        }
        assertThat(storedLedger(streamed)).isEqualTo(storedLedger(whole));
    }

    /**
     * A body that fails while it is read (as one passing its size limit does, after two batches were stored) is
     * reported as that failure, not as malformed X12, and nothing of it stays stored.
     */
    @Test
    void aBodyThatFailsWhileItIsReadStoresNothingAndSaysWhy() {
        byte[] file = new Claim837Writer()
                .write(
                        generated(1200),
                        new X12Envelope("TEST", "SIMPAYER", 1, LocalDateTime.of(2026, 4, 10, 8, 0), 'T'))
                .getBytes(StandardCharsets.US_ASCII);
        java.io.IOException tooLarge = new java.io.IOException("The request body is larger than the limit.");
        InputStream failing = new InputStream() {
            private final InputStream in = new ByteArrayInputStream(file);
            private long read;

            @Override
            public int read() throws java.io.IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws java.io.IOException {
                if (read > file.length * 9L / 10) {
                    throw tooLarge;
                }
                int n = in.read(b, off, Math.min(len, 4096));
                read += Math.max(0, n);
                return n;
            }
        };
        String ledger = "failing-" + UUID.randomUUID();
        Throwable thrown;
        try (SpooledResults answers = new SpooledResults(null)) {
            thrown = org.assertj.core.api.Assertions.catchThrowable(() -> payer.submitFileAndAnswer(
                    "student",
                    ledger,
                    ClaimFileReader.X12_837P,
                    failing,
                    RECEIVED,
                    Disclosure.TEACHING,
                    answers,
                    done -> {},
                    a -> a.size()));
            assertThat(answers.size())
                    .as("batches were decided before the body failed")
                    .isGreaterThanOrEqualTo(1000);
        }
        assertThat(thrown).isSameAs(tooLarge);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payer_claim WHERE ledger = ?", Integer.class, ledger))
                .isZero();
    }

    /**
     * Issue 16: a file's own earlier batches are part of the stored ledger once stored, asked from the index like the
     * claims before the file, not held in memory: 2,400 claims of four members (about 6,000 lines, most of them
     * duplicates of earlier batches' lines) with room for 300 read lines are decided exactly as a scan of every
     * earlier claim decides, while the history never held more than that room and two batches' lines (before: every
     * line of the file).
     */
    @Test
    void aFilesEarlierBatchesAreAskedFromTheIndexNotHeldInMemory() {
        List<Claim> claims = generated(2_400);
        String ledger = "bounded-" + UUID.randomUUID();
        List<ClaimResult> stored = submitWithRoom(300, ledger, claims);
        int peak = claimLedger.lastHistory().peakLinesInMemory();

        int duplicates = decidedLikeAScan(claims, stored).stream()
                .mapToInt(r -> (int) adjustments(r, "18"))
                .sum();
        int fileLines = claims.stream().mapToInt(c -> c.lines().size()).sum();
        int batchLines = claims.subList(0, PayerService.BATCH).stream()
                .mapToInt(c -> c.lines().size())
                .sum();
        assertThat(duplicates).as("most lines repeat an earlier batch's").isGreaterThan(fileLines / 3);
        assertThat(peak)
                .isPositive()
                .isLessThanOrEqualTo(300 + 2 * batchLines + 100)
                .isLessThan(fileLines / 2);
    }

    /**
     * Issue 16: members with more stored lines than a submission may hold have their global-surgery question answered
     * from their lines that open a global period, read once, instead of asking the index for all their lines of the
     * question's 90 days for every claim: 2,400 claims of four members (about 6,000 lines, a tenth of them
     * arthrocentesis, a 0-day global) with room for 1,000 lines are decided exactly as a scan decides, with no
     * global-surgery question asked line by line (before: one for nearly every claim once its members passed the room).
     */
    @Test
    void membersBeyondTheRoomHaveTheirSurgeriesReadOnceNotAskedPerClaim() {
        List<Claim> claims = generated(2_400);
        int before = claimLedger.processedLinesQueries();
        List<ClaimResult> stored = submitWithRoom(1_000, "beyond-" + UUID.randomUUID(), claims);
        int perLine = claimLedger.processedLinesQueries() - before;

        String globalSurgery = new org.chart2claim.payer.edit.GlobalSurgeryEdit().name();
        long bundled = decidedLikeAScan(claims, stored).stream()
                .flatMap(r -> r.lines().stream())
                .flatMap(l -> l.adjustments().stream())
                .filter(a -> globalSurgery.equals(a.edit()))
                .count();
        assertThat(bundled).as("the global-surgery edit decides some lines").isGreaterThan(10);
        assertThat(perLine)
                .as("global-surgery questions asked of the index line by line")
                .isZero();
    }

    /**
     * Claim JSON is read one claim at a time, like an 837P: {@code {"claims":[...]}} of 1,200 claims whose JSON breaks
     * after the last claim has two batches decided before the break is read, and rolls them back (nothing stored,
     * the JSON error reported); the same claims well-formed are answered byte for byte as the claims in a list.
     */
    @Test
    void aJsonFileIsDecidedWhileItIsReadAndBrokenJsonAfterItsBatchesStoresNothing() throws Exception {
        List<Claim> claims = generated(1_200);
        String wellFormed = Json.MAPPER.writeValueAsString(Map.of("claims", claims));
        byte[] broken = (wellFormed.substring(0, wellFormed.length() - 2) + ",}]}").getBytes(StandardCharsets.UTF_8);
        String ledger = "json-broken-" + UUID.randomUUID();
        Throwable thrown;
        try (SpooledResults answers = new SpooledResults(null)) {
            thrown = org.assertj.core.api.Assertions.catchThrowable(() -> payer.submitFileAndAnswer(
                    "student",
                    ledger,
                    ClaimFileReader.CLAIM_JSON,
                    new ByteArrayInputStream(broken),
                    RECEIVED,
                    Disclosure.TEACHING,
                    answers,
                    done -> {},
                    a -> a.size()));
            assertThat(answers.size()).as("batches decided before the break").isEqualTo(1000);
        }
        assertThat(thrown).isInstanceOf(tools.jackson.core.JacksonException.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payer_claim WHERE ledger = ?", Integer.class, ledger))
                .isZero();

        String streamed;
        try (SpooledResults answers = new SpooledResults(null)) {
            streamed = payer.submitFileAndAnswer(
                    "student",
                    "json-" + UUID.randomUUID(),
                    ClaimFileReader.CLAIM_JSON,
                    new ByteArrayInputStream(wellFormed.getBytes(StandardCharsets.UTF_8)),
                    RECEIVED,
                    Disclosure.TEACHING,
                    answers,
                    done -> {},
                    a -> {
                        try (InputStream json = a.takeJson()) {
                            return new String(json.readAllBytes(), StandardCharsets.UTF_8);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
        }
        String listed = Json.MAPPER.writeValueAsString(new PayerClaimsController.Remittance(
                submit("json-list-" + UUID.randomUUID(), claims.toArray(Claim[]::new))));
        assertThat(numbered(streamed)).isEqualTo(numbered(listed)).contains("\"carc\":\"18\"");
    }

    /** The steps as an 837P, their corrections naming the numbers the file's claims will get. */
    private byte[] x12(List<Step> steps) {
        Map<Integer, String> predicted = predictedNumbers(steps);
        return new Claim837Writer()
                .write(
                        steps.stream().map(s -> s.claim(predicted)).toList(),
                        new X12Envelope("TEST", "SIMPAYER", 1, LocalDateTime.of(2026, 4, 10, 8, 0), 'T'))
                .getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * What the history holds in memory changes nothing: the same file sent a second time into its ledger is decided
     * the same whether the stored lines are read once per member, asked line by line (limit 0), or read, forgotten
     * and read again because the second batch's members do not fit next to the first batch's.
     */
    @Test
    void theSecondFileIsDecidedTheSameWhateverTheHistoryMayHoldInMemory() {
        List<Claim> file = new ArrayList<>(generated(PayerService.BATCH));
        file.addAll(generated(100, 4)); // the second batch: four other members
        Map<String, String> secondAnswers = new HashMap<>();
        int limit = claimLedger.preparedLinesLimit();
        for (String kind : List.of("read", "line-by-line", "forgotten")) {
            String ledger = "limit-" + kind + "-" + UUID.randomUUID();
            submit(ledger, file.toArray(Claim[]::new));
            int firstMembers = lines(ledger, file.subList(0, PayerService.BATCH));
            int secondMembers = lines(ledger, file.subList(PayerService.BATCH, file.size()));
            assertThat(secondMembers).isLessThan(firstMembers).isPositive();
            try {
                claimLedger.preparedLinesLimit(
                        switch (kind) {
                            case "line-by-line" -> 0;
                            case "forgotten" -> firstMembers + secondMembers / 2;
                            default -> limit;
                        });
                secondAnswers.put(kind, remittance(submit(ledger, file.toArray(Claim[]::new))));
            } finally {
                claimLedger.preparedLinesLimit(limit);
            }
        }
        assertThat(secondAnswers.get("read")).contains("CAS*CO*18*");
        assertThat(secondAnswers.get("line-by-line")).isEqualTo(secondAnswers.get("read"));
        assertThat(secondAnswers.get("forgotten")).isEqualTo(secondAnswers.get("read"));
    }

    /** Index rows of the members of {@code claims} in the ledger. */
    private int lines(String ledger, List<Claim> claims) {
        List<String> members =
                claims.stream().map(ServiceKey::memberKey).distinct().toList();
        return members.stream()
                .mapToInt(m -> jdbc.queryForObject(
                        "SELECT COUNT(*) FROM payer_claim_line WHERE ledger = ? AND member_key = ?",
                        Integer.class,
                        ledger,
                        m))
                .sum();
    }

    /** A claim of a test file: an original, or a correction of the claim of step {@code corrects}. */
    private record Step(Claim content, int corrects, FrequencyCode frequency) {
        Claim claim(Map<Integer, String> numbers) {
            if (corrects < 0) {
                return content;
            }
            String original = numbers.get(corrects);
            return frequency == FrequencyCode.VOID
                    ? ClaimBuilder.from(content)
                            .frequency(FrequencyCode.VOID, original)
                            .build()
                    : replacement(content, original);
        }
    }

    /** The first claim from {@code from} on whose every service (member, date, code, ...) no other claim has. */
    private static int uniqueServices(List<Claim> claims, int from) {
        Map<ServiceKey, Integer> claimsWith = new HashMap<>();
        for (Claim c : claims) {
            c.lines().stream()
                    .map(l -> ServiceKey.of(c, l))
                    .distinct()
                    .forEach(key -> claimsWith.merge(key, 1, Integer::sum));
        }
        for (int i = from; i < claims.size(); i++) {
            Claim c = claims.get(i);
            if (c.lines().stream().allMatch(l -> claimsWith.get(ServiceKey.of(c, l)) == 1)) {
                return i;
            }
        }
        throw new IllegalStateException("every claim shares a service with another");
    }

    private static int stepOf(List<Step> steps, Claim claim) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).corrects() < 0 && steps.get(i).content() == claim) {
                return i;
            }
        }
        throw new IllegalArgumentException("not in the file");
    }

    /** A replacement of {@code original}: the same claim with one more unit on every line (so no duplicate of it). */
    private static Claim replacement(Claim original, String originalNumber) {
        List<ServiceLine> lines = original.lines().stream()
                .map(l -> new ServiceLine(
                        l.from(),
                        l.to(),
                        l.placeOfService(),
                        l.emergency(),
                        l.code(),
                        l.modifiers(),
                        l.pointers(),
                        l.charge(),
                        l.units() + 1,
                        l.renderingNpi()))
                .toList();
        return ClaimBuilder.from(original)
                .lines(lines)
                .frequency(FrequencyCode.REPLACEMENT, originalNumber)
                .build();
    }

    /** The ledger's stored claims in id order and its history index, record ids numbered in order of appearance. */
    private String storedLedger(String ledger) {
        StringBuilder text = new StringBuilder();
        rows(
                text,
                "SELECT status, payer_claim_number, billed, paid, patient_responsibility, claim_json, result_json"
                        + " FROM payer_claim WHERE ledger = ? ORDER BY id",
                ledger);
        rows(
                text,
                "SELECT payer_claim_number, line_number, member_key, billing_npi, service_year, service_date, code,"
                        + " modifiers, units, deductible, patient_control_number FROM payer_claim_line WHERE ledger = ?"
                        + " ORDER BY claim_id, line_number",
                ledger);
        return numbered(text.toString());
    }

    private void rows(StringBuilder text, String sql, String ledger) {
        jdbc.query(
                sql,
                rs -> {
                    for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                        text.append(rs.getString(c)).append('|');
                    }
                    text.append('\n');
                },
                ledger);
    }

    /** Submits {@code claims} with room for {@code lines} history lines in memory instead of the usual. */
    private List<ClaimResult> submitWithRoom(int lines, String ledger, List<Claim> claims) {
        int usual = claimLedger.preparedLinesLimit();
        try {
            claimLedger.preparedLinesLimit(lines);
            return submit(ledger, claims.toArray(Claim[]::new));
        } finally {
            claimLedger.preparedLinesLimit(usual);
        }
    }

    private List<ClaimResult> submit(String ledger, Claim... claims) {
        return payer.submit("student", ledger, parsed(List.of(claims)), RECEIVED, null, null, Disclosure.TEACHING);
    }

    private static long adjustments(ClaimResult result, String carc) {
        return result.lines().stream()
                .flatMap(l -> l.adjustments().stream())
                .filter(a -> a.carc().equals(carc))
                .count();
    }

    private List<Claim> generated(int count) {
        return generated(count, 0);
    }

    /** {@code count} generated claims of four members, the first four covered ones after {@code skip}. */
    private List<Claim> generated(int count, int skip) {
        List<Member> members = payer.rules().members().stream()
                .filter(m -> m.coverageEnd() == null)
                .skip(skip)
                .limit(4)
                .toList();
        Iterator<Claim> claims = PayerPipelineBench.generated(members, new Random(7 + skip));
        List<Claim> out = new ArrayList<>();
        while (out.size() < count) {
            out.add(claims.next());
        }
        return out;
    }

    private static List<ParsedClaim> parsed(List<Claim> claims) {
        return claims.stream().map(c -> new ParsedClaim(c, List.of())).toList();
    }

    @Test
    void payerClaimIdsComeInRangesOnH2AndNumbersKeepTheirFormat() throws Exception {
        String product = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
        if ("H2".equals(product)) {
            // V83: one durable write per 10,000 ids (each a full page write with WRITE_DELAY=0; H2's default was 32)
            assertThat(jdbc.queryForObject(
                            "SELECT CACHE FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_NAME = 'PAYER_CLAIM_ID_SEQ'",
                            Long.class))
                    .isEqualTo(PayerClaimIdSequence.IDS_PER_RANGE);
        }
        for (long id : new long[] {1, 42, 12_345_678, 99_999_999, 100_000_000, 1_234_567_890_123L}) {
            assertThat(ClaimLedger.payerClaimNumber(id)).isEqualTo(String.format("SIM%08d", id));
        }
    }

    @Test
    void idsDrawnForABatchIncreaseAndAReversalStoredAloneComesAfterThem() {
        List<Long> drawn = claimLedger.newIds(5);
        assertThat(drawn).hasSize(5).isSorted().doesNotHaveDuplicates();
        List<Long> more = claimLedger.newIds(3);
        assertThat(more.getFirst()).isGreaterThan(drawn.getLast());
        // a reversal stored on its own (reprocessing) draws its id from the same sequence
        Claim claim = generated(1).getFirst();
        ClaimResult reversal = ClaimReversal.of(payer.adjudicateUnstored(claim, LocalDate.of(2026, 4, 10), null));
        claimLedger.storeReversal(
                claimLedger.newIds(1).getFirst(),
                "ids-user",
                "ids",
                null,
                LocalDate.of(2026, 4, 10),
                claim,
                "{}",
                reversal,
                "{}");
        assertThat(jdbc.queryForObject("SELECT MAX(id) FROM payer_claim WHERE username = 'ids-user'", Long.class))
                .isGreaterThan(more.getLast());
    }
}
