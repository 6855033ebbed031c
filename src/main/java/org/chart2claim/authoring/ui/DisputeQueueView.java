package org.chart2claim.authoring.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.chart2claim.account.CurrentUser;
import org.chart2claim.authoring.AuthoringService;
import org.chart2claim.authoring.Dispute;
import org.chart2claim.authoring.DisputeService;
import org.chart2claim.coding.CodingAnswer;
import org.chart2claim.coding.ui.NoteView;
import org.chart2claim.config.DisplayDates;
import org.chart2claim.config.ui.NarrowColumns;
import org.chart2claim.scenario.ScenarioLibrary;

/**
 * The instructor's review queue of answer-key disputes (students of their cohorts; admins: all): each dispute
 * beside the note, the key's rationale and the student's attempt, with how many learners missed the same
 * element on that version. Accept publishes the corrected key (a new version) and may regrade; reject needs a
 * written reply. The student sees the outcome on the attempt and on the home page.
 */
@Route("scenarios/disputes")
@Menu(title = "Key disputes", order = 24.5, icon = "vaadin:comments-o")
@PageTitle("Key disputes · Chart2Claim")
@RolesAllowed({"INSTRUCTOR", "ADMIN"})
@StyleSheet("css/coding.css")
@StyleSheet("css/authoring.css")
public class DisputeQueueView extends VerticalLayout implements BeforeEnterObserver {

    private final DisputeService disputes;
    private final AuthoringService authoring;
    private final CurrentUser currentUser;
    final Select<String> status = new Select<>();
    final Grid<DisputeService.View> grid = new Grid<>();
    final Div detail = new Div();

    public DisputeQueueView(DisputeService disputes, AuthoringService authoring, CurrentUser currentUser) {
        this.disputes = disputes;
        this.authoring = authoring;
        this.currentUser = currentUser;
        addClassName("page");
        add(new H2("Answer-key disputes"));
        status.setLabel("Status");
        status.setItems("OPEN", "ACCEPTED", "REJECTED", "All");
        status.setValue("OPEN");
        status.addValueChangeListener(e -> refresh());
        grid.setId("dispute-queue");
        grid.addColumn(d -> "#" + d.id()).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(d -> d.scenarioTitle() + " (v" + d.scenarioVersion() + ")")
                .setHeader("Scenario")
                .setFlexGrow(2);
        grid.addColumn(DisputeService.View::elementLabel).setHeader("Element").setFlexGrow(1);
        var student = grid.addColumn(DisputeService.View::student)
                .setHeader("Student")
                .setAutoWidth(true);
        var filed = grid.addColumn(d -> DisplayDates.dateTime(d.createdAt()))
                .setHeader("Filed")
                .setAutoWidth(true);
        var state = grid.addColumn(d -> d.status().name().toLowerCase())
                .setHeader("Status")
                .setAutoWidth(true);
        // on a phone: number, scenario and element (the rest is in the dispute below)
        NarrowColumns.hideWhenNarrow(this, List.of(student, filed, state));
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.asSingleSelect().addValueChangeListener(e -> show(e.getValue()));
        detail.setId("dispute-detail");
        detail.addClassName("c2c-dispute-detail");
        add(status, grid, detail);
        refresh();
    }

    /** {@code ?dispute=<id>} opens that dispute (links from the home page and the docs). */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation()
                .getQueryParameters()
                .getSingleParameter("dispute")
                .filter(v -> v.matches("\\d{1,18}"))
                .map(Long::parseLong)
                .ifPresent(id -> {
                    status.setValue("All");
                    grid.getGenericDataView()
                            .getItems()
                            .filter(d -> d.id() == id)
                            .findFirst()
                            .ifPresent(grid::select);
                });
    }

    void refresh() {
        Dispute.Status s = "All".equals(status.getValue()) ? null : Dispute.Status.valueOf(status.getValue());
        grid.setItems(disputes.queue(s, currentUser.requireUsername(), currentUser.roles()));
        detail.removeAll();
    }

    void show(DisputeService.View selected) {
        detail.removeAll();
        if (selected == null) {
            return;
        }
        DisputeService.Review review =
                disputes.review(selected.id(), currentUser.requireUsername(), currentUser.roles());
        DisputeService.View d = review.dispute();
        Span missed = new Span(
                review.missed().learnersMissed() + " of " + review.missed().learnersGraded()
                        + " learners graded on version " + d.scenarioVersion() + " missed this element");
        missed.setId("dispute-missed");
        missed.getElement().getThemeList().add("badge contrast");
        Div left = new Div(
                new H3("#" + d.id() + " · " + d.elementLabel()),
                missed,
                labelled("Argument", d.argument()),
                labelled("Citation", d.citation() == null ? "—" : d.citation()),
                labelled("Key rationale (version " + d.scenarioVersion() + ")", review.rationale()),
                labelled(
                        "Student's answer (" + review.attempt().score() + "/100)",
                        describe(review.attempt().answer())));
        left.addClassName("c2c-dispute-facts");
        Div note = new Div(new H3("Note"), NoteView.rendered(review.noteMarkdown()));
        note.addClassName("c2c-note");
        note.setId("dispute-note");
        HorizontalLayout columns = new HorizontalLayout(left, note);
        columns.addClassName("c2c-dispute-columns");
        columns.setWidthFull();
        detail.add(columns);
        if (d.status() != Dispute.Status.OPEN) {
            detail.add(new Paragraph("Decided: " + DisputeFeedbackSection.outcome(d)));
            return;
        }
        detail.add(decision(d));
    }

    private Div decision(DisputeService.View d) {
        TextArea reply = new TextArea("Reply to the student");
        reply.setId("dispute-reply");
        reply.setWidthFull();
        TextArea corrected = new TextArea("Corrected scenario file (edit the key, then accept)");
        corrected.setId("dispute-corrected");
        corrected.setWidthFull();
        corrected.addClassName("c2c-source");
        corrected.setValue(authoring.export(d.scenarioId(), null, currentUser.requireUsername(), currentUser.roles()));
        Checkbox regrade = new Checkbox("Regrade the attempts of version " + d.scenarioVersion()
                + " (each keeps its old score in its history)");
        regrade.setId("dispute-regrade");
        regrade.setValue(true);
        TextField payerOverride = new TextField("Publish anyway because…");
        payerOverride.setHelperText("Only if the payer denies the corrected key.");
        payerOverride.setId("dispute-payer-override");
        payerOverride.setWidthFull();
        UnorderedList errors = new UnorderedList();
        errors.setId("dispute-errors");
        Button accept = new Button("Publish the corrected key and accept", e -> {
            errors.removeAll();
            try {
                disputes.resolve(
                        d.id(),
                        true,
                        reply.getValue(),
                        regrade.getValue(),
                        corrected.getValue(),
                        payerOverride.getValue(),
                        currentUser.requireUsername(),
                        currentUser.roles());
                Notification.show("Accepted; the student sees the outcome.");
                refresh();
            } catch (ScenarioLibrary.InvalidScenarioException ex) {
                ex.errors().forEach(err -> errors.add(new ListItem(err.toString())));
            } catch (DisputeService.DisputeException | AuthoringService.NotEditableException ex) {
                errors.add(new ListItem(ex.getMessage()));
            }
        });
        accept.setId("accept-dispute");
        accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        Button reject = new Button("Reject with this reply", e -> {
            errors.removeAll();
            try {
                disputes.resolve(
                        d.id(),
                        false,
                        reply.getValue(),
                        false,
                        null,
                        null,
                        currentUser.requireUsername(),
                        currentUser.roles());
                Notification.show("Rejected; the student sees your reply.");
                refresh();
            } catch (DisputeService.DisputeException ex) {
                errors.add(new ListItem(ex.getMessage()));
            }
        });
        reject.setId("reject-dispute");
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Div box =
                new Div(new H3("Decision"), reply, corrected, regrade, payerOverride, errors, buttons(accept, reject));
        box.addClassName("c2c-dispute-decision");
        return box;
    }

    /** The decision's buttons, wrapping onto two rows on a phone. */
    private static HorizontalLayout buttons(Button... buttons) {
        HorizontalLayout row = new HorizontalLayout(buttons);
        row.setWrap(true);
        return row;
    }

    private static Div labelled(String label, String text) {
        Span l = new Span(label);
        l.addClassName("c2c-label");
        Div d = new Div(l, new Paragraph(text));
        d.addClassName("c2c-labelled");
        return d;
    }

    static String describe(CodingAnswer answer) {
        StringBuilder sb = new StringBuilder("Diagnoses: ").append(String.join(", ", answer.diagnoses()));
        sb.append(" · Lines: ");
        for (CodingAnswer.Line l : answer.procedures()) {
            sb.append(l.code());
            l.modifiers().forEach(m -> sb.append('-').append(m));
            sb.append(" ×")
                    .append(l.units() == null ? 1 : l.units())
                    .append(" → ")
                    .append(l.pointers())
                    .append("; ");
        }
        return sb.toString();
    }
}
