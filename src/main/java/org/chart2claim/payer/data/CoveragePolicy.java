package org.chart2claim.payer.data;

import java.util.List;
import java.util.Set;
import org.chart2claim.codebook.CodeFormat;

/** LCD-style policy: the procedures are covered only for diagnoses starting with one of the prefixes. */
public record CoveragePolicy(String id, String title, Set<String> procedures, List<String> coveringDiagnoses) {

    public boolean covers(String diagnosis) {
        String dx = CodeFormat.undotted(diagnosis);
        return coveringDiagnoses.stream().anyMatch(prefix -> dx.startsWith(CodeFormat.undotted(prefix)));
    }
}
