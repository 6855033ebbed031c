package org.chart2claim.payer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.chart2claim.claim.Address;
import org.chart2claim.claim.Claim;
import org.chart2claim.claim.ClaimBuilder;
import org.chart2claim.claim.Insured;
import org.chart2claim.claim.Patient;
import org.chart2claim.claim.PersonName;
import org.chart2claim.claim.x12.Claim837Reader;
import org.chart2claim.claim.x12.Claim837Writer;
import org.chart2claim.claim.x12.ParsedClaim;
import org.chart2claim.payer.data.Member;
import org.chart2claim.payer.x12.Remittance835Writer;
import org.chart2claim.standard.x12.X12Envelope;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Benchmark (tag "bench", excluded from the normal build): a generated 10,000-claim 837P is parsed,
 * adjudicated and answered as one 835, streaming in batches of 500 claims so memory stays bounded. Prints
 * a per-stage breakdown; numbers go to docs/PERFORMANCE-payer.md. Run:
 * {@code ./mvnw test -Pbench -Dtest=PayerPipelineBench}
 */
@Tag("bench")
class PayerPipelineBench {
    static final int CLAIMS = 10_000;
    static final int BATCH = 500;
    static final String[][] SERVICES = {
        {"99213", "E11.9"}, {"99214", "E11.40"}, {"99203", "I10"}, {"20610", "M17.11"}, {"93000", "R07.9"},
        {"36415", "E78.5"}, {"80053", "E11.9"}, {"83036", "E11.9"}, {"99397", "Z00.00"}, {"71046", "R05.1"}
    };

    static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Also runnable with a small heap to show memory stays bounded: java -Xmx96m -cp ... PayerPipelineBench */
    public static void main(String[] args) throws Exception {
        new PayerPipelineBench().tenThousandClaims();
    }

    static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }

    @Test
    void tenThousandClaims() throws Exception {
        Path dir = Files.createTempDirectory("payer-bench");
        Path in = dir.resolve("claims.837");
        Path out = dir.resolve("remittance.835");
        List<Member> members = PayerFixtures.rules().members().stream()
                .filter(m -> m.coverageEnd() == null)
                .toList();
        Random random = new Random(42);

        long t0 = System.nanoTime();
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(in))) {
            new Claim837Writer()
                    .write(
                            () -> generated(members, random),
                            new X12Envelope("BENCH", "SIMPAYER", 1, LocalDateTime.of(2026, 4, 1, 8, 0), 'T'),
                            os);
        }
        long generateNs = System.nanoTime() - t0;

        // stage 1 alone: parse the whole file
        long t1 = System.nanoTime();
        long c1 = cpu();
        int[] parsed = {0};
        try (InputStream is = new BufferedInputStream(Files.newInputStream(in))) {
            Claim837Reader.read(is, c -> parsed[0]++);
        }
        long parseNs = System.nanoTime() - t1;
        long parseCpu = cpu() - c1;
        assertThat(parsed[0]).isEqualTo(CLAIMS);

        // the pipeline: parse → adjudicate → 835, batch by batch
        Adjudicator adjudicator = PayerFixtures.adjudicator();
        long[] adjudicateNs = {0};
        long[] writeNs = {0};
        long[] adjudicateCpu = {0};
        long[] writeCpu = {0};
        long[] peakHeap = {0};
        int[] results = {0};
        long t2 = System.nanoTime();
        long c2 = cpu();
        try (InputStream is = new BufferedInputStream(Files.newInputStream(in));
                OutputStream os = new BufferedOutputStream(Files.newOutputStream(out));
                Remittance835Writer.Streaming remit = new Remittance835Writer()
                        .open(
                                new X12Envelope("SIMPAYER", "BENCH", 2, LocalDateTime.of(2026, 4, 15, 8, 0), 'T'),
                                LocalDate.of(2026, 4, 15),
                                os)) {
            List<ParsedClaim> batch = new ArrayList<>(BATCH);
            Runnable flush = () -> {
                long a = System.nanoTime();
                long ac = cpu();
                List<ClaimResult> done = new ArrayList<>(batch.size());
                for (ParsedClaim pc : batch) {
                    done.add(adjudicate(adjudicator, pc, "B" + (results[0] + done.size())));
                }
                long b = System.nanoTime();
                long bc = cpu();
                adjudicateCpu[0] += bc - ac;
                remit.append(done);
                writeNs[0] += System.nanoTime() - b;
                writeCpu[0] += cpu() - bc;
                adjudicateNs[0] += b - a;
                results[0] += done.size();
                batch.clear();
                peakHeap[0] = Math.max(
                        peakHeap[0],
                        Runtime.getRuntime().totalMemory()
                                - Runtime.getRuntime().freeMemory());
            };
            Claim837Reader.read(is, pc -> {
                batch.add(pc);
                if (batch.size() == BATCH) {
                    flush.run();
                }
            });
            if (!batch.isEmpty()) {
                flush.run();
            }
        }
        long pipelineNs = System.nanoTime() - t2;
        long pipelineCpu = cpu() - c2;
        assertThat(results[0]).isEqualTo(CLAIMS);

        long heapPoolsPeak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed())
                .sum();
        System.out.printf(
                """
                PAYER BENCH (%d claims, %d cores, max heap %d MB, load average %.1f)
                  837P file: %.1f MB, 835 file: %.1f MB
                  generate 837P (not part of the budget): %d ms wall
                  stage                                   wall ms   thread-CPU ms
                  parse 837P alone (cold JVM)             %7d   %7d
                  pipeline parse+adjudicate+835 total     %7d   %7d
                    adjudicate                            %7d   %7d
                    write 835                             %7d   %7d
                    parse (remainder)                     %7d   %7d
                  heap used after batches (peak sample):  %d MB; JVM heap pools peak: %d MB
                %n""",
                CLAIMS,
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Files.size(in) / 1e6,
                Files.size(out) / 1e6,
                generateNs / 1_000_000,
                parseNs / 1_000_000,
                parseCpu / 1_000_000,
                pipelineNs / 1_000_000,
                pipelineCpu / 1_000_000,
                adjudicateNs[0] / 1_000_000,
                adjudicateCpu[0] / 1_000_000,
                writeNs[0] / 1_000_000,
                writeCpu[0] / 1_000_000,
                (pipelineNs - adjudicateNs[0] - writeNs[0]) / 1_000_000,
                (pipelineCpu - adjudicateCpu[0] - writeCpu[0]) / 1_000_000,
                peakHeap[0] >> 20,
                heapPoolsPeak >> 20);
    }

    /** One claim as the benches adjudicate it: received 2026-04-10, empty history. */
    static ClaimResult adjudicate(Adjudicator adjudicator, ParsedClaim pc, String payerClaimNumber) {
        return adjudicator.adjudicate(
                new AdjudicationRequest(
                        pc.claim(), pc.problems(), LocalDate.of(2026, 4, 10), List.of(), null, payerClaimNumber),
                LocalDate.of(2026, 11, 23));
    }

    /** Claims generated lazily, one at a time: the generator holds no list of 10,000 claims either. */
    static Iterator<Claim> generated(List<Member> members, Random random) {
        return new Iterator<>() {
            int n;

            public boolean hasNext() {
                return n < CLAIMS;
            }

            public Claim next() {
                n++;
                Member m = members.get(random.nextInt(members.size()));
                Address address = new Address("1 Bench Street", "", "Springfield", "IL", "62701");
                PersonName name = PersonName.of(m.lastName(), m.firstName());
                LocalDate dos = LocalDate.of(2026, 3, 1).plusDays(random.nextInt(30));
                ClaimBuilder b = PayerFixtures.medicareVisit()
                        .patientControlNumber("B" + n)
                        .payer(m.payerId(), m.plan())
                        .insured(new Insured(m.memberId(), name, m.birthDate(), m.sex(), address, "", m.plan()))
                        .patient(new Patient(name, m.birthDate(), m.sex(), address))
                        .lines(List.of());
                int lineCount = 1 + random.nextInt(4);
                List<String> dx = new ArrayList<>();
                for (int i = 0; i < lineCount; i++) {
                    String[] s = SERVICES[random.nextInt(SERVICES.length)];
                    if (!dx.contains(s[1])) {
                        dx.add(s[1]);
                    }
                    List<String> mods = s[0].equals("20610") ? List.of("RT") : List.of();
                    b.line(
                            dos,
                            s[0],
                            mods,
                            1,
                            List.of(dx.indexOf(s[1]) + 1),
                            new BigDecimal(100 + random.nextInt(200)));
                }
                return b.diagnoses(dx).build();
            }
        };
    }
}
