package org.chart2claim.authoring.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Optional;
import org.chart2claim.account.CurrentUser;
import org.chart2claim.authoring.DisputeService;
import org.chart2claim.authoring.KeyElement;
import org.chart2claim.coding.AttemptService;
import org.chart2claim.coding.ui.FeedbackSection;

/**
 * On the feedback page: the attempt's disputes with their outcome, and for the attempt's owner a form to
 * dispute one element of the key (a code, modifiers, units, pointers or the sequence) with an argument and an
 * optional citation.
 */
@org.springframework.stereotype.Component
public class DisputeFeedbackSection implements FeedbackSection {

    private final DisputeService disputes;
    private final CurrentUser currentUser;

    public DisputeFeedbackSection(DisputeService disputes, CurrentUser currentUser) {
        this.disputes = disputes;
        this.currentUser = currentUser;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> section(AttemptService.GradedAttempt attempt, boolean owner) {
        Div box = new Div();
        box.setId("key-disputes");
        box.addClassName("c2c-disputes");
        box.add(new H3("Disagree with the key?"));
        UnorderedList list = new UnorderedList();
        list.setId("dispute-list");
        fill(list, attempt);
        box.add(list);
        if (owner) {
            box.add(form(attempt, list));
        }
        return Optional.of(box);
    }

    private void fill(UnorderedList list, AttemptService.GradedAttempt attempt) {
        list.removeAll();
        List<DisputeService.View> mine =
                disputes.ofAttempt(attempt.id(), currentUser.requireUsername(), currentUser.roles());
        for (DisputeService.View d : mine) {
            list.add(new ListItem(outcome(d)));
        }
        list.setVisible(!mine.isEmpty());
    }

    /** One line a student understands: what was disputed and what the instructor decided. */
    public static String outcome(DisputeService.View d) {
        String head = d.elementLabel() + " (version " + d.scenarioVersion() + "): ";
        return switch (d.status()) {
            case OPEN -> head + "waiting for your instructor.";
            case ACCEPTED ->
                head + "accepted by " + d.resolvedBy() + ", the key was corrected in version "
                        + d.newVersion()
                        + (d.regraded() == null ? "" : " and " + d.regraded() + " attempt(s) were regraded") + ". "
                        + d.reply();
            case REJECTED -> head + "not accepted by " + d.resolvedBy() + ": " + d.reply();
        };
    }

    private Component form(AttemptService.GradedAttempt attempt, UnorderedList list) {
        Select<KeyElement> element = new Select<>();
        element.setId("dispute-element");
        element.setLabel("Element of the key");
        element.setItems(KeyElement.of(attempt.result()));
        element.setItemLabelGenerator(KeyElement::label);
        TextArea argument = new TextArea("Why the key is wrong");
        argument.setId("dispute-argument");
        argument.setMaxLength(DisputeService.MAX_ARGUMENT);
        argument.setWidthFull();
        TextField citation = new TextField("Citation (optional)");
        citation.setId("dispute-citation");
        citation.setPlaceholder("e.g. ICD-10-CM I.C.4.a, Index: Diabetes, with, neuropathy");
        citation.setWidthFull();
        Button send = new Button("Send dispute", e -> {
            if (element.getValue() == null) {
                element.setInvalid(true);
                element.setErrorMessage("Choose the element you dispute.");
                return;
            }
            try {
                disputes.open(
                        attempt.id(),
                        element.getValue().key(),
                        argument.getValue(),
                        citation.getValue(),
                        currentUser.requireUsername());
                argument.clear();
                citation.clear();
                argument.setInvalid(false);
                fill(list, attempt);
                Notification.show("Sent to your instructor.");
            } catch (DisputeService.DisputeException ex) {
                argument.setInvalid(true);
                argument.setErrorMessage(ex.getMessage());
            }
        });
        send.setId("send-dispute");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Paragraph hint = new Paragraph("Dispute one element at a time; your instructor sees the note, the key's"
                + " rationale and your answer.");
        hint.addClassName("c2c-muted");
        return new Div(hint, element, argument, citation, send);
    }
}
