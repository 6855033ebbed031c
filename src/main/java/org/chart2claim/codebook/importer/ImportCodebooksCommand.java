package org.chart2claim.codebook.importer;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar chart2claim.jar import-codebooks PATH...}: imports release files or folders with
 * progress on stdout, prints the counts and the peak heap, and exits (status 0 on success, 1 on a
 * refused import). {@link ImportCommandEnvironment} turns the web server off for such a run.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class ImportCodebooksCommand implements ApplicationRunner {

    public static final String COMMAND = "import-codebooks";

    private final CodeSetImportService importService;
    private final ConfigurableApplicationContext context;
    private PrintStream out = System.out;
    private boolean exitWhenDone = true;

    public ImportCodebooksCommand(CodeSetImportService importService, ConfigurableApplicationContext context) {
        this.importService = importService;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> words = args.getNonOptionArgs();
        if (words.isEmpty() || !COMMAND.equals(words.getFirst())) {
            return;
        }
        int status =
                execute(words.subList(1, words.size()).stream().map(Path::of).toList());
        if (exitWhenDone) {
            System.exit(SpringApplication.exit(context, () -> status));
        }
    }

    /** Runs the import and returns the process exit status. */
    int execute(List<Path> paths) {
        if (paths.isEmpty()) {
            out.println("usage: " + COMMAND + " PATH... (release files or folders)");
            return 2;
        }
        long start = System.nanoTime();
        int[] lastPercent = {-1};
        try {
            ImportSummary summary = importService.importFiles(
                    paths,
                    (done, total, stage) -> {
                        int percent = total == 0 ? 100 : (int) (done * 100 / total);
                        if (percent / 5 != lastPercent[0] / 5 || percent == 100 && lastPercent[0] != 100) {
                            lastPercent[0] = percent;
                            out.printf("[%3d%%] %,d / %,d bytes  %s%n", percent, done, total, stage);
                        }
                    },
                    "command line");
            summary.messages().forEach(m -> out.println("note: " + m));
            summary.countLines().forEach(out::println);
            out.printf("active sets: %s%n", importService.activeSetIds());
            out.printf(
                    "stored in %s%n",
                    importService.storeDirectory().toAbsolutePath().normalize());
            out.printf(
                    "import took %.1f s, peak heap %,d MB%n", (System.nanoTime() - start) / 1e9, peakHeapMegabytes());
            return 0;
        } catch (CodeSetImportException | IllegalStateException | IllegalArgumentException e) {
            out.println("import refused, nothing changed: " + e.getMessage());
            return 1;
        }
    }

    /** Sum of the peak usage of every heap pool since JVM start. */
    static long peakHeapMegabytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }

    /** For tests: print elsewhere and do not exit the JVM. */
    void useForTest(PrintStream output) {
        this.out = output;
        this.exitWhenDone = false;
    }
}
