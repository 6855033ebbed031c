package org.chart2claim.codebook.importer;

import java.util.List;

/** What an import produced, for the command line, the admin view and the log. */
public record ImportSummary(List<ImportedRelease> releases, List<String> messages) {

    public ImportSummary {
        releases = List.copyOf(releases);
        messages = List.copyOf(messages);
    }

    /** One line per set: "ICD10CM-FY2026: 98,186 entries, 74,719 billable, 0 index terms". */
    public List<String> countLines() {
        return releases.stream()
                .map(r -> String.format(
                        "%s: %,d entries, %,d billable, %,d index terms%s",
                        r.id(),
                        r.codes().size(),
                        r.billableCount(),
                        r.indexTerms().size(),
                        r.headings().isEmpty()
                                ? ""
                                : String.format(
                                        ", %,d chapters/sections", r.headings().size())))
                .toList();
    }
}
