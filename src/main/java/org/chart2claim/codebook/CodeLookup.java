package org.chart2claim.codebook;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What other features (scenarios, coding, payer) ask of the code books. Implemented by the codebook
 * feature over the active code sets; tests of other features can use a small in-memory implementation.
 */
public interface CodeLookup {

    /** Finds a code; the lookup ignores case and the ICD-10-CM dot ({@code e119} finds {@code E11.9}). */
    Optional<CodeInfo> find(CodeSystem system, String code);

    /**
     * The codes among {@code others} that an Excludes1 note (on the code itself or inherited from its
     * subcategory, category, block or chapter) says may not be reported together with {@code icdCode}.
     */
    List<String> excludes1Conflicts(String icdCode, Collection<String> others);
}
