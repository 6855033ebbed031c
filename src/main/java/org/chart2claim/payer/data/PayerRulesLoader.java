package org.chart2claim.payer.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.chart2claim.claim.Sex;
import org.chart2claim.codebook.CodeSystem;
import org.chart2claim.standard.PayerIds;
import org.chart2claim.standard.TabSeparated;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads codebooks/payers/ (format in its README.md). Files are fetched through a function from a path
 * relative to the codebooks folder (e.g. "payers/members.tsv") to its text, so the same loader serves a
 * folder on disk, the classpath, or the app's ContentLocations.
 */
public final class PayerRulesLoader {
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

    private final Function<String, Optional<String>> files;
    /** Folder with the official CMS NCCI files replacing our PTP/MUE tables; null = the curated tables. */
    private final Path officialNcciDir;

    public PayerRulesLoader(Function<String, Optional<String>> files) {
        this(files, null);
    }

    private PayerRulesLoader(Function<String, Optional<String>> files, Path officialNcciDir) {
        this.files = files;
        this.officialNcciDir = officialNcciDir;
    }

    /**
     * The same loader, but taking the PTP and MUE tables from the official CMS practitioner files in
     * {@code ncciDir} (see {@link CmsNcciFileParser}) instead of payers/ncci-ptp.tsv and payers/mue.tsv.
     * A null or blank folder keeps the curated tables.
     */
    public PayerRulesLoader withOfficialNcci(Path ncciDir) {
        return new PayerRulesLoader(files, ncciDir);
    }

    /** Loader over a codebooks folder on disk. */
    public static PayerRulesLoader fromDirectory(Path codebooksDir) {
        return new PayerRulesLoader(relative -> {
            Path p = codebooksDir.resolve(relative);
            if (!Files.isRegularFile(p)) {
                return Optional.empty();
            }
            try {
                return Optional.of(Files.readString(p, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The file being read, so a wrongly typed value is reported with its file. */
    private String current = "";

    public PayerRules load() {
        try {
            return loadAll();
        } catch (PayerDataException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new PayerDataException("codebooks/" + current + " has an invalid value: " + e.getMessage(), e);
        }
    }

    private PayerRules loadAll() {
        Map<String, CoveragePolicy> policies = loadPolicies();
        Map<String, Payer> payers = new LinkedHashMap<>();
        for (String id : PayerIds.ALL) {
            payers.put(id, loadPayer(id, policies));
        }
        Map<String, List<PtpEdit>> ptp = new HashMap<>();
        Map<String, MueLimit> mue = new HashMap<>();
        if (officialNcciDir != null) {
            CmsNcciFileParser.Tables official = CmsNcciFileParser.loadDirectory(officialNcciDir);
            ptp.putAll(official.ptpByColumn2());
            mue.putAll(official.mue());
        } else {
            for (String[] r : tsv("payers/ncci-ptp.tsv", 7)) {
                PtpEdit e = new PtpEdit(
                        r[0], r[1], date8(r[3]), r[4].equals("*") ? null : date8(r[4]), r[5].charAt(0), r[6]);
                ptp.computeIfAbsent(e.column2(), k -> new ArrayList<>()).add(e);
            }
            for (String[] r : tsv("payers/mue.tsv", 4)) {
                mue.put(r[0], new MueLimit(r[0], Integer.parseInt(r[1]), Integer.parseInt(r[2]), r[3]));
            }
        }
        Map<String, Map<String, BigDecimal>> allowed = new HashMap<>();
        Map<String, String> descriptions = new HashMap<>();
        for (String[] r : tsv("payers/fee-schedule-allowed.tsv", 5)) {
            for (int i = 0; i < PayerIds.ALL.size(); i++) {
                allowed.computeIfAbsent(PayerIds.ALL.get(i), k -> new HashMap<>())
                        .put(r[0], new BigDecimal(r[1 + i]));
            }
            descriptions.put(r[0], r[4]);
        }
        List<Member> members = new ArrayList<>();
        for (String[] r : tsv("payers/members.tsv", 12)) {
            members.add(new Member(
                    r[0],
                    r[1],
                    r[2],
                    r[3],
                    LocalDate.parse(r[4]),
                    Sex.parse(r[5]),
                    r[6],
                    r[7],
                    LocalDate.parse(r[8]),
                    r[9].isBlank() ? null : LocalDate.parse(r[9]),
                    new BigDecimal(r[10]),
                    r[11]));
        }
        List<Authorization> auths = new ArrayList<>();
        for (String[] r : tsv("payers/authorizations.tsv", 6)) {
            auths.add(new Authorization(
                    r[0], r[1], r[2], Set.of(r[3].split("\\|")), LocalDate.parse(r[4]), LocalDate.parse(r[5])));
        }
        List<AgeSexRule> ageSex = new ArrayList<>();
        for (String[] r : tsv("payers/code-edits.tsv", 6)) {
            ageSex.add(new AgeSexRule(
                    CodeSystem.valueOf(r[0]),
                    r[1],
                    r[2].equals("-") ? Sex.U : Sex.parse(r[2]),
                    r[3].equals("-") ? null : Integer.valueOf(r[3]),
                    r[4].equals("-") ? null : Integer.valueOf(r[4]),
                    r[5]));
        }
        List<PosRule> pos = new ArrayList<>();
        for (String[] r : tsv("payers/pos-rules.tsv", 3)) {
            String[] range = r[0].split("-");
            pos.add(new PosRule(range[0], range.length > 1 ? range[1] : range[0], Set.of(r[1].split(",")), r[2]));
        }
        List<OtherCoverageOnFile> otherCoverage = new ArrayList<>();
        for (String[] r : tsv("payers/member-coverage.tsv", 7)) {
            if (!r[4].isBlank()) {
                otherCoverage.add(
                        new OtherCoverageOnFile(r[0], r[1], r[4], r[5], "primary".equalsIgnoreCase(r[6].strip())));
            }
        }
        PaymentIndicators indicators = PaymentIndicators.fromBooks(files);
        return new PayerRules(
                payers,
                members,
                auths,
                allowed,
                descriptions,
                ptp,
                mue,
                ageSex,
                loadModifierRules(indicators),
                pos,
                indicators,
                otherCoverage);
    }

    private String read(String relative) {
        current = relative;
        return files.apply(relative)
                .orElseThrow(() -> new PayerDataException("payer data file codebooks/" + relative + " is missing"));
    }

    private List<String[]> tsv(String relative, int columns) {
        try {
            return TabSeparated.rows(read(relative), "codebooks/" + relative, columns);
        } catch (IllegalArgumentException e) {
            throw new PayerDataException(e.getMessage(), e);
        }
    }

    private Object yaml(String relative) {
        try {
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(read(relative));
        } catch (RuntimeException e) {
            throw new PayerDataException("codebooks/" + relative + " is not valid YAML: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, CoveragePolicy> loadPolicies() {
        Map<String, CoveragePolicy> out = new HashMap<>();
        for (Object o : (List<Object>) yaml("payers/coverage-policies.yaml")) {
            Map<String, Object> m = (Map<String, Object>) o;
            CoveragePolicy p = new CoveragePolicy(
                    str(m.get("id")),
                    str(m.get("title")),
                    strings(m.get("procedures")),
                    List.copyOf(strings(m.get("coveringDiagnoses"))));
            out.put(p.id(), p);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private Payer loadPayer(String id, Map<String, CoveragePolicy> policies) {
        String file = "payers/" + id + ".yaml";
        Map<String, Object> m = (Map<String, Object>) yaml(file);
        if (!id.equals(str(m.get("id")))) {
            throw new PayerDataException("codebooks/" + file + ": id must be " + id);
        }
        Map<String, Object> cs = (Map<String, Object>) m.getOrDefault("costSharing", Map.of());
        CostSharing costSharing = new CostSharing(
                money(cs.get("annualDeductible")),
                intValue(cs.get("coinsurancePercent")),
                money(cs.get("copay")),
                strings(cs.get("copayCodes")),
                strings(cs.get("noCostSharingCodes")),
                intValue(cs.get("copayExemptUnderAge")));
        List<NotCoveredRule> notCovered = new ArrayList<>();
        for (Object o : (List<Object>) m.getOrDefault("notCovered", List.of())) {
            Map<String, Object> r = (Map<String, Object>) o;
            notCovered.add(new NotCoveredRule(
                    strings(r.get("codes")),
                    str(r.get("carc")),
                    List.copyOf(strings(r.get("rarc"))),
                    str(r.get("reason")),
                    strings(r.get("patientLiableModifiers"))));
        }
        List<CoveragePolicy> applied = new ArrayList<>();
        for (String pid : strings(m.get("coveragePolicies"))) {
            CoveragePolicy p = policies.get(pid);
            if (p == null) {
                throw new PayerDataException("codebooks/" + file + ": unknown coverage policy " + pid);
            }
            applied.add(p);
        }
        return new Payer(
                id,
                str(m.get("name")),
                PayerType.valueOf(str(m.get("type"))),
                intValue(m.get("timelyFilingDays")),
                costSharing,
                strings(m.get("priorAuthorization")),
                notCovered,
                applied);
    }

    @SuppressWarnings("unchecked")
    private ModifierRules loadModifierRules(PaymentIndicators indicators) {
        Map<String, Object> m = (Map<String, Object>) yaml("payers/modifier-rules.yaml");
        Set<String> known = new LinkedHashSet<>(strings(m.get("known")));
        // every modifier the code books define is a known modifier too
        for (String book : List.of("cpt/modifiers.tsv", "hcpcs-2020/modifiers.tsv")) {
            files.apply(book).ifPresent(text -> {
                for (String line : text.split("\r?\n")) {
                    String[] cells = line.split("\t");
                    if (cells.length > 1 && cells[0].equals("modifier")) {
                        known.add(cells[1].trim());
                    }
                }
            });
        }
        return new ModifierRules(
                Set.copyOf(known),
                strings(m.get("ncciBypass")),
                indicators.professionalTechnicalSplit(),
                strings(m.get("lateralityRequired")),
                indicators.bilateralAllowed(),
                strings(m.get("facilityPlacesOfService")));
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    private static Set<String> strings(Object o) {
        if (o == null) {
            return Set.of();
        }
        if (o instanceof List<?> list) {
            Set<String> out = new LinkedHashSet<>();
            for (Object x : list) {
                out.add(x.toString());
            }
            return java.util.Collections.unmodifiableSet(out);
        }
        return Set.copyOf(Arrays.asList(o.toString().split(",")));
    }

    private static BigDecimal money(Object o) {
        return (o == null ? BigDecimal.ZERO : new BigDecimal(o.toString())).setScale(2, java.math.RoundingMode.HALF_UP);
    }

    private static int intValue(Object o) {
        return o == null ? 0 : Integer.parseInt(o.toString());
    }

    private static LocalDate date8(String s) {
        return LocalDate.parse(s, YYYYMMDD);
    }
}
