package org.chart2claim.claim;

import java.time.LocalDate;

/** Boxes 2, 3, 5: the person who received the services. */
public record Patient(PersonName name, LocalDate birthDate, Sex sex, Address address) {}
