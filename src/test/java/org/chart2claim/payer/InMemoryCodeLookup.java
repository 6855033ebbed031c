package org.chart2claim.payer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.chart2claim.codebook.CodeInfo;
import org.chart2claim.codebook.CodeLookup;
import org.chart2claim.codebook.CodeSystem;

/** A tiny CodeLookup for plain unit tests (the real one is the codebook feature's Spring bean). */
public final class InMemoryCodeLookup implements CodeLookup {
    private final Map<String, CodeInfo> codes = new HashMap<>();
    private final Set<String> excludes1 = new HashSet<>();

    public InMemoryCodeLookup add(CodeSystem system, String code, boolean billable) {
        codes.put(system + "|" + code, new CodeInfo(system, code, "test " + code, billable, "test"));
        return this;
    }

    public InMemoryCodeLookup icd(String code) {
        return add(CodeSystem.ICD10CM, code, true);
    }

    public InMemoryCodeLookup header(String code) {
        return add(CodeSystem.ICD10CM, code, false);
    }

    public InMemoryCodeLookup excludes1(String a, String b) {
        excludes1.add(a + "|" + b);
        excludes1.add(b + "|" + a);
        return this;
    }

    @Override
    public Optional<CodeInfo> find(CodeSystem system, String code) {
        return Optional.ofNullable(codes.get(system + "|" + code));
    }

    @Override
    public List<String> excludes1Conflicts(String icdCode, Collection<String> others) {
        List<String> out = new ArrayList<>();
        for (String o : others) {
            if (excludes1.contains(icdCode + "|" + o)) {
                out.add(o);
            }
        }
        return out;
    }
}
