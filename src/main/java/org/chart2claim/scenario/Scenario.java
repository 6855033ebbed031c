package org.chart2claim.scenario;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One encounter scenario as read from its Markdown file: what the learner sees (note and encounter data)
 * plus the answer key, which only the grading engine and instructors may read.
 *
 * @param contentHash SHA-256 of the file's text, used to tell changed files apart at synchronisation
 * @param author      who wrote the scenario (optional; when present a {@link Review} by someone else is required)
 * @param review      the second reader's review against scenarios/REVIEW.md, or null when not reviewed
 * @param version     the published version this is (1, 2, ...; every publication and every changed shipped file
 *                    is a new immutable version); 0 for text that was parsed but not published (a draft)
 */
public record Scenario(
        String id,
        String title,
        String specialty,
        int difficulty,
        List<String> tags,
        String codeSetYear,
        String setting,
        String placeOfService,
        LocalDate dateOfService,
        Patient patient,
        PayerRef payer,
        Provider renderingProvider,
        Provider billingProvider,
        Provider referringProvider,
        String priorAuthorization,
        AnswerKey key,
        String noteMarkdown,
        String sourceFile,
        String contentHash,
        String author,
        Review review,
        int version) {

    public Scenario {
        tags = List.copyOf(tags);
    }

    /** This scenario as published version {@code number}. */
    public Scenario withVersion(int number) {
        return new Scenario(
                id,
                title,
                specialty,
                difficulty,
                tags,
                codeSetYear,
                setting,
                placeOfService,
                dateOfService,
                patient,
                payer,
                renderingProvider,
                billingProvider,
                referringProvider,
                priorAuthorization,
                key,
                noteMarkdown,
                sourceFile,
                contentHash,
                author,
                review,
                number);
    }

    public Optional<Provider> referring() {
        return Optional.ofNullable(referringProvider);
    }

    public Optional<String> priorAuth() {
        return Optional.ofNullable(priorAuthorization);
    }

    /** Postal address of a patient or practice. {@code line2} may be null. */
    public record Address(String line1, String line2, String city, String state, String zip) {}

    /** The (fictitious) patient; {@code sex} is F, M or U. */
    public record Patient(String name, LocalDate dateOfBirth, String sex, Address address, String memberId) {}

    /** Which simulated payer and plan covers the encounter ({@code medicare-sim}, {@code ppo-sim}, {@code medicaid-sim}). */
    public record PayerRef(String id, String plan) {}

    /** Who reviewed the scenario against which checklist (scenarios/REVIEW.md), when, and what they noted. */
    public record Review(String by, LocalDate on, String checklist, String notes) {}

    /** A rendering, billing or referring provider; {@code taxId} only for the billing provider. */
    public record Provider(String name, String npi, String taxId) {}
}
