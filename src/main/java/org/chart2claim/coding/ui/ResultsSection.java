package org.chart2claim.coding.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * A section a feature above {@code coding} adds to "My results" (a Spring bean; e.g. the denial work of the appeal
 * feature), shown below the coding attempts, so coding never imports the features that build on it.
 */
public interface ResultsSection {
    /** The section for this user, or empty when the user has nothing to show there. */
    Optional<Component> forUser(String username);
}
