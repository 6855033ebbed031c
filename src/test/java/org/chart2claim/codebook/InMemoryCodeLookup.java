package org.chart2claim.codebook;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one hand-filled {@link CodeLookup} for plain unit tests of other features (the real one is the
 * codebook feature's Spring bean): codes and Excludes1 pairs added by hand; like the real lookup it ignores
 * case and the ICD-10-CM dot.
 */
public final class InMemoryCodeLookup implements CodeLookup {

    private final Map<String, CodeInfo> codes = new HashMap<>();
    private final Map<String, Set<String>> excludes1 = new HashMap<>();

    public InMemoryCodeLookup add(CodeSystem system, String code, String title, boolean billable) {
        codes.put(
                key(system, code),
                new CodeInfo(system, code, title, billable, system == CodeSystem.ICD10CM ? "FY2026" : "2026"));
        return this;
    }

    public InMemoryCodeLookup add(CodeSystem system, String code, boolean billable) {
        return add(system, code, "test " + code, billable);
    }

    public InMemoryCodeLookup icd(String code, String title) {
        return add(CodeSystem.ICD10CM, code, title, true);
    }

    public InMemoryCodeLookup icd(String code) {
        return add(CodeSystem.ICD10CM, code, true);
    }

    public InMemoryCodeLookup header(String code, String title) {
        return add(CodeSystem.ICD10CM, code, title, false);
    }

    public InMemoryCodeLookup header(String code) {
        return add(CodeSystem.ICD10CM, code, false);
    }

    public InMemoryCodeLookup cpt(String code) {
        return add(CodeSystem.CPT, code, "CPT " + code, true);
    }

    public InMemoryCodeLookup hcpcs(String code) {
        return add(CodeSystem.HCPCS, code, "HCPCS " + code, true);
    }

    public InMemoryCodeLookup excludes1(String a, String b) {
        excludes1.computeIfAbsent(a, k -> new HashSet<>()).add(b);
        excludes1.computeIfAbsent(b, k -> new HashSet<>()).add(a);
        return this;
    }

    @Override
    public Optional<CodeInfo> find(CodeSystem system, String code) {
        return Optional.ofNullable(codes.get(key(system, code)));
    }

    @Override
    public List<String> excludes1Conflicts(String icdCode, Collection<String> others) {
        List<String> out = new ArrayList<>();
        for (String o : others) {
            if (excludes1.getOrDefault(icdCode, Set.of()).contains(o)) {
                out.add(o);
            }
        }
        return out;
    }

    private static String key(CodeSystem system, String code) {
        return system + ":" + code.replace(".", "").toUpperCase(Locale.ROOT);
    }
}
