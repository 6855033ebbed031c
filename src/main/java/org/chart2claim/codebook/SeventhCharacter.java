package org.chart2claim.codebook;

/**
 * One value of a 7th-character extension, e.g. {@code A} = "initial encounter for closed fracture".
 */
public record SeventhCharacter(char character, String meaning) {}
