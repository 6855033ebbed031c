package org.chart2claim.claim;

/** Box 33 billing provider with box 25 federal tax id. */
public record BillingProvider(String name, String npi, String taxId, Address address, String phone) {}
