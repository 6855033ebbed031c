package org.chart2claim.coding.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;
import org.chart2claim.coding.AttemptService;

/**
 * A section that a feature above coding adds to the feedback page (e.g. disputing an element of the answer key),
 * so the page can show it without importing that feature. Implementations are Spring beans that build a new
 * component per call.
 */
public interface FeedbackSection {

    /** The section for this attempt, or empty; {@code owner} is true when the viewer made the attempt. */
    Optional<Component> section(AttemptService.GradedAttempt attempt, boolean owner);
}
