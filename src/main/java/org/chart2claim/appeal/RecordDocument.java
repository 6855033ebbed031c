package org.chart2claim.appeal;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** A part of the record an appeal letter can rely on; {@link #id()} is its name in the API and the drill files. */
public enum RecordDocument {
    NOTE("note", "Clinical note (the encounter as documented)"),
    OPERATIVE_REPORT("operative-report", "Operative / procedure report"),
    PATHOLOGY_REPORT("pathology-report", "Pathology report"),
    AUTHORIZATION("authorization", "Prior-authorization approval letter"),
    ELIGIBILITY("eligibility", "Eligibility and benefits response (271) on the date of service"),
    TIMELY_FILING_PROOF("timely-filing-proof", "Proof of timely filing (the payer's acceptance report, 277CA)");

    private static final Pattern OPERATIVE =
            Pattern.compile("operative report|operative note|procedure note|op note", Pattern.CASE_INSENSITIVE);
    private static final Pattern PATHOLOGY =
            Pattern.compile("pathology report|surgical pathology", Pattern.CASE_INSENSITIVE);

    private final String id;
    private final String label;

    RecordDocument(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public static Optional<RecordDocument> parse(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(d -> d.id.equals(wanted)).findFirst();
    }

    /**
     * What the practice's record holds for an encounter: the note and the eligibility response always (for a claim
     * built from a scenario), an operative or pathology report when the note contains one, the authorization when one
     * was obtained, proof of timely filing when an earlier submission was accepted in time.
     */
    public static Set<RecordDocument> available(
            String noteMarkdown, boolean authorizationObtained, boolean timelyFilingProof) {
        Set<RecordDocument> out = new LinkedHashSet<>();
        if (noteMarkdown != null) {
            out.add(NOTE);
            if (OPERATIVE.matcher(noteMarkdown).find()) {
                out.add(OPERATIVE_REPORT);
            }
            if (PATHOLOGY.matcher(noteMarkdown).find()) {
                out.add(PATHOLOGY_REPORT);
            }
        }
        if (authorizationObtained) {
            out.add(AUTHORIZATION);
        }
        out.add(ELIGIBILITY);
        if (timelyFilingProof) {
            out.add(TIMELY_FILING_PROOF);
        }
        return out;
    }

    public static List<String> ids(Set<RecordDocument> documents) {
        return documents.stream().map(RecordDocument::id).toList();
    }
}
