package org.chart2claim.payer.data;

import java.util.Set;

/** Modifier policy shared by the simulated payers (codebooks/payers/modifier-rules.yaml). */
public record ModifierRules(
        Set<String> known,
        Set<String> ncciBypass,
        Set<String> professionalTechnicalSplit,
        Set<String> lateralityRequired,
        Set<String> bilateralAllowed,
        Set<String> facilityPlacesOfService) {}
