package org.chart2claim.claim.practice;

import org.chart2claim.claim.Address;

/** A billing provider's address and phone on file in the practice-management system (box 33). */
public record PracticeAddress(String npi, String name, Address address, String phone) {}
