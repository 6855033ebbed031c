package org.chart2claim.appeal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The appeal levels of every simulated payer (codebooks/payers/appeal-levels.yaml): names, filing limits, response
 * times and amount-in-controversy minimums, whether the payer dismisses appeals of clerical errors, and its
 * retro-authorization policy.
 */
public final class AppealLevels {
    public static final String FILE = "payers/appeal-levels.yaml";

    /** One level of a payer's appeal process. */
    public record Level(int number, String name, int filingDays, int responseDays, BigDecimal amountInControversy) {
        /** The last day to file this level when the determination it appeals was made on {@code determinedOn}. */
        public LocalDate deadline(LocalDate determinedOn) {
            return determinedOn.plusDays(filingDays);
        }
    }

    /**
     * A payer's retro-authorization policy: it still authorizes a service up to {@code windowDays} after the date
     * of service (0 = never after the fact) and answers a request in {@code responseDays}.
     */
    public record RetroAuthorization(int windowDays, int responseDays) {
        public static final RetroAuthorization NONE = new RetroAuthorization(0, 30);
    }

    /** One payer's process. */
    public record PayerProcess(
            String payerId, boolean clericalErrorsByReopening, List<Level> levels, RetroAuthorization retro) {
        public PayerProcess {
            levels = List.copyOf(levels);
            retro = retro == null ? RetroAuthorization.NONE : retro;
        }

        public Optional<Level> level(int number) {
            return number >= 1 && number <= levels.size() ? Optional.of(levels.get(number - 1)) : Optional.empty();
        }
    }

    private final Map<String, PayerProcess> byPayer;

    private AppealLevels(Map<String, PayerProcess> byPayer) {
        this.byPayer = Map.copyOf(byPayer);
    }

    public Optional<PayerProcess> of(String payerId) {
        return Optional.ofNullable(payerId == null ? null : byPayer.get(payerId));
    }

    public List<String> payers() {
        return byPayer.keySet().stream().sorted().toList();
    }

    public static AppealLevels load(Path codebooksDir) {
        Path file = codebooksDir.resolve(FILE);
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read codebooks/" + FILE, e);
        }
    }

    /** Parses the file's text; a malformed entry fails naming the payer and the level. */
    public static AppealLevels parse(String yaml) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        if (!(root instanceof List<?> entries)) {
            throw new IllegalArgumentException("codebooks/" + FILE + " must be a list of payers.");
        }
        Map<String, PayerProcess> out = new LinkedHashMap<>();
        for (Object entry : entries) {
            if (!(entry instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException(
                        "codebooks/" + FILE + ": every entry is a map with payer and levels.");
            }
            String payer = text(map.get("payer"), "payer", "?");
            String clerical = map.get("clericalErrors") == null
                    ? "corrected-claim"
                    : map.get("clericalErrors").toString();
            if (!clerical.equals("reopening") && !clerical.equals("corrected-claim")) {
                throw new IllegalArgumentException(
                        "codebooks/" + FILE + " payer " + payer + ": clericalErrors is reopening or corrected-claim.");
            }
            if (!(map.get("levels") instanceof List<?> rawLevels) || rawLevels.isEmpty()) {
                throw new IllegalArgumentException("codebooks/" + FILE + " payer " + payer + " has no levels.");
            }
            List<Level> levels = new ArrayList<>();
            for (Object raw : rawLevels) {
                if (!(raw instanceof Map<?, ?> l)) {
                    throw new IllegalArgumentException("codebooks/" + FILE + " payer " + payer + ": a level is a map.");
                }
                String where = payer + " level " + (levels.size() + 1);
                int number = number(l.get("level"), "level", where);
                if (number != levels.size() + 1) {
                    throw new IllegalArgumentException(
                            "codebooks/" + FILE + " " + where + ": levels are numbered 1, 2, 3... in order.");
                }
                int filing = number(l.get("filingDays"), "filingDays", where);
                int response = number(l.get("responseDays"), "responseDays", where);
                if (filing < 1 || response < 1) {
                    throw new IllegalArgumentException(
                            "codebooks/" + FILE + " " + where + ": filingDays and responseDays are at least 1.");
                }
                Object aic = l.get("amountInControversy");
                BigDecimal minimum = (aic == null ? BigDecimal.ZERO : new BigDecimal(aic.toString()))
                        .setScale(2, java.math.RoundingMode.HALF_UP);
                levels.add(new Level(number, text(l.get("name"), "name", where), filing, response, minimum));
            }
            RetroAuthorization retro = RetroAuthorization.NONE;
            if (map.get("retroAuthorization") instanceof Map<?, ?> r) {
                int window = number(r.get("windowDays"), "retroAuthorization windowDays", payer);
                int response = number(r.get("responseDays"), "retroAuthorization responseDays", payer);
                if (window < 0 || response < 1) {
                    throw new IllegalArgumentException("codebooks/" + FILE + " payer " + payer
                            + ": retroAuthorization windowDays is 0 or more, responseDays at least 1.");
                }
                retro = new RetroAuthorization(window, response);
            } else if (map.get("retroAuthorization") != null) {
                throw new IllegalArgumentException("codebooks/" + FILE + " payer " + payer
                        + ": retroAuthorization is a map {windowDays, responseDays}.");
            }
            if (out.put(payer, new PayerProcess(payer, clerical.equals("reopening"), levels, retro)) != null) {
                throw new IllegalArgumentException("codebooks/" + FILE + ": payer " + payer + " appears twice.");
            }
        }
        return new AppealLevels(out);
    }

    private static String text(Object value, String field, String where) {
        if (value == null || value.toString().isBlank()) {
            throw new IllegalArgumentException("codebooks/" + FILE + " " + where + ": " + field + " is missing.");
        }
        return value.toString().trim();
    }

    private static int number(Object value, String field, String where) {
        if (!(value instanceof Integer i)) {
            throw new IllegalArgumentException(
                    "codebooks/" + FILE + " " + where + ": " + field + " must be a whole number.");
        }
        return i;
    }
}
