package org.chart2claim.payer.data;

import java.util.List;
import java.util.Set;

/**
 * Services a plan excludes, answered with CARC {@code carc} (96 non-covered, 204 not covered under the
 * benefit plan). When the line carries one of {@code patientLiableModifiers} (GY statutory exclusion, GA
 * signed waiver) the patient owes it (group PR) instead of the provider writing it off (CO).
 */
public record NotCoveredRule(
        Set<String> codes, String carc, List<String> rarc, String reason, Set<String> patientLiableModifiers) {}
