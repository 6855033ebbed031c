package org.chart2claim.codebook;

/**
 * Published (synchronously, by {@link CodeBookService#install}) after another code set became active: the
 * search index rebuilds and the scenario library re-validates its keys against {@code books}.
 */
public record CodeBooksChangedEvent(CodeBooks books) {}
