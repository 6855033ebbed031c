package org.chart2claim.claim;

import java.time.LocalDate;

/** Boxes 1a, 4, 7, 11, 11a, 11c: the subscriber whose coverage pays. */
public record Insured(
        String memberId,
        PersonName name,
        LocalDate birthDate,
        Sex sex,
        Address address,
        String groupNumber,
        String planName) {}
