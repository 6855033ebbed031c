package org.chart2claim.claim;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Box 24, one service line: dates (24A), place of service (24B), emergency (24C), CPT/HCPCS code with up to
 * four modifiers (24D), diagnosis pointers 1–4 into the claim's A–L list (24E), charge (24F), units (24G)
 * and rendering NPI (24J, blank when the claim-level rendering provider applies).
 */
public record ServiceLine(
        LocalDate from,
        LocalDate to,
        String placeOfService,
        boolean emergency,
        String code,
        List<String> modifiers,
        List<Integer> pointers,
        BigDecimal charge,
        int units,
        String renderingNpi) {
    public ServiceLine {
        modifiers = modifiers == null ? List.of() : List.copyOf(modifiers);
        pointers = pointers == null ? List.of() : List.copyOf(pointers);
        charge = charge == null ? BigDecimal.ZERO : charge;
    }

    public boolean hasModifier(String modifier) {
        return modifiers.contains(modifier);
    }

    /** Date the payer treats as the date of service: the from-date (a span is billed from its first day). */
    public LocalDate serviceDate() {
        return from;
    }

    public ServiceLine withCode(String newCode) {
        return new ServiceLine(
                from, to, placeOfService, emergency, newCode, modifiers, pointers, charge, units, renderingNpi);
    }

    public ServiceLine withModifiers(List<String> newModifiers) {
        return new ServiceLine(
                from, to, placeOfService, emergency, code, newModifiers, pointers, charge, units, renderingNpi);
    }
}
