package org.chart2claim.billing.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.chart2claim.account.CurrentUser;
import org.chart2claim.billing.eligibility.EligibilityAnswer;
import org.chart2claim.billing.eligibility.EligibilityRequest;
import org.chart2claim.billing.eligibility.EligibilityService;
import org.chart2claim.billing.eligibility.ServiceTypes;
import org.chart2claim.billing.posting.PostingService;
import org.chart2claim.config.DisplayDates;
import org.chart2claim.scenario.Scenario;
import org.chart2claim.scenario.ScenarioLibrary;
import org.chart2claim.standard.PayerIds;

/**
 * Eligibility and benefits check before the visit, as the front desk runs it: payer, member id, the patient's name
 * and birth date, date of service and service type. The payer's answer shows active or not and why, the plan, PCP,
 * deductible (met so far in the chosen ledger), copays, coinsurance, out-of-pocket, prior authorization and other
 * coverage, with the 271 it came as. A scenario's patient can be filled in; a claim is then built from it.
 */
@Menu(title = "Eligibility", order = 10.9, icon = "vaadin:user-check")
@Route("billing/eligibility")
@PageTitle("Eligibility · Chart2Claim")
@RolesAllowed("STUDENT")
@StyleSheet("css/billing.css")
public class EligibilityView extends VerticalLayout implements BeforeEnterObserver {
    private final EligibilityService eligibility;
    private final CurrentUser currentUser;

    public final ComboBox<Scenario> scenario = new ComboBox<>("Fill from a scenario's patient");
    public final Select<String> payer = new Select<>();
    public final TextField memberId = new TextField("Member ID");
    public final TextField lastName = new TextField("Patient last name");
    public final TextField firstName = new TextField("Patient first name");
    public final DatePicker birthDate = new DatePicker("Date of birth");
    public final DatePicker dateOfService = new DatePicker("Date of service");
    public final Select<String> serviceType = new Select<>();
    public final Select<String> ledger = new Select<>();
    public final Button check = new Button("Check eligibility");
    public final Div answerBox = new Div();
    public final Span status = new Span();
    public final Pre raw271 = new Pre();
    public EligibilityAnswer answer;
    private Scenario chosen;

    public EligibilityView(
            EligibilityService eligibility,
            PostingService posting,
            ScenarioLibrary scenarios,
            CurrentUser currentUser) {
        this.eligibility = eligibility;
        this.currentUser = currentUser;
        addClassName("billing-view");
        add(
                new H2("Eligibility and benefits (270/271)"),
                new Paragraph(
                        "Before the visit, ask the payer whether the patient is covered on the date of service and "
                                + "what they will owe. A claim for a patient nobody checked is the classic CO-27/CO-31 denial."));
        scenario.setItems(scenarios.all());
        scenario.setItemLabelGenerator(s -> s.title() + " (" + s.id() + ")");
        scenario.setWidth("28em");
        scenario.setMaxWidth("100%");
        scenario.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                fill(e.getValue());
            }
        });
        payer.setLabel("Payer");
        payer.setItems(PayerIds.ALL);
        serviceType.setLabel("Service type (EQ01)");
        List<String> types = new ArrayList<>(List.of("30", "98", "33", "4", "5", "86", "2", "MH", "1"));
        serviceType.setItems(types);
        serviceType.setItemLabelGenerator(c -> c + " " + ServiceTypes.name(c));
        serviceType.setValue("30");
        ledger.setLabel("Ledger (deductible met)");
        List<String> ledgers = posting.ledgers(currentUser.requireUsername());
        ledger.setItems(ledgers);
        ledger.setEmptySelectionAllowed(true);
        ledger.setEmptySelectionCaption("none: before our claims");
        FormLayout form =
                new FormLayout(payer, memberId, lastName, firstName, birthDate, dateOfService, serviceType, ledger);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 4));
        check.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        check.addClickListener(e -> runCheck());
        answerBox.addClassName("eligibility-answer");
        answerBox.setVisible(false);
        add(scenario, form, check, answerBox);
    }

    /** {@code billing/eligibility?scenario=ID} fills in that scenario's patient. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation()
                .getQueryParameters()
                .getSingleParameter("scenario")
                .ifPresent(id -> scenario.getListDataView()
                        .getItems()
                        .filter(s -> s.id().equals(id))
                        .findFirst()
                        .ifPresent(scenario::setValue));
    }

    void fill(Scenario s) {
        chosen = s;
        payer.setValue(PayerIds.isKnown(s.payer().id()) ? s.payer().id() : null);
        memberId.setValue(s.patient().memberId());
        String name = s.patient().name();
        int space = name.lastIndexOf(' ');
        firstName.setValue(space < 0 ? "" : name.substring(0, space));
        lastName.setValue(space < 0 ? name : name.substring(space + 1));
        birthDate.setValue(s.patient().dateOfBirth());
        dateOfService.setValue(s.dateOfService());
        answerBox.setVisible(false);
    }

    public void runCheck() {
        EligibilityRequest request = new EligibilityRequest(
                payer.getValue(),
                memberId.getValue(),
                lastName.getValue(),
                firstName.getValue(),
                birthDate.getValue(),
                dateOfService.getValue(),
                serviceType.getValue(),
                ledger.getValue());
        answerBox.removeAll();
        answerBox.setVisible(true);
        try {
            answer = eligibility.check(currentUser.requireUsername(), request);
        } catch (EligibilityService.BadInquiry e) {
            answer = null;
            answerBox.setClassName("eligibility-answer inactive");
            status.setText("Not sent: " + e.getMessage());
            answerBox.add(status);
            return;
        }
        render(request, answer);
    }

    private void render(EligibilityRequest request, EligibilityAnswer a) {
        answerBox.setClassName("eligibility-answer " + (a.active() ? "active" : "inactive"));
        status.setText(a.active() ? "Active coverage" : "Not active: " + a.reason());
        status.addClassName("eligibility-status");
        answerBox.add(
                new H3(a.payerName() == null ? request.payerId() : a.payerName()), status, new Paragraph(a.message()));
        UnorderedList facts = new UnorderedList();
        if (a.plan() != null) {
            facts.add(item("Plan: " + a.plan() + " · group " + a.groupNumber() + " · covered from "
                    + DisplayDates.date(a.coverageStart())
                    + (a.coverageEnd() == null ? "" : " to " + DisplayDates.date(a.coverageEnd()))));
        }
        if (a.active()) {
            facts.add(item("Service type " + a.serviceType() + " " + a.serviceTypeName()));
            facts.add(item("Deductible: " + money(a.deductible().annual()) + " a year · met "
                    + money(a.deductible().met()) + " · remaining "
                    + money(a.deductible().remaining())));
            a.copay()
                    .forEach((type, amount) -> facts.add(
                            item("Copay " + type + " " + ServiceTypes.name(type) + ": " + money(amount) + " a visit")));
            facts.add(item("Coinsurance: " + a.coinsurance() + "% after the deductible"));
            facts.add(item(
                    a.outOfPocket().max() == null
                            ? "Out-of-pocket maximum: none on this plan"
                            : "Out-of-pocket maximum: " + money(a.outOfPocket().max()) + " · met "
                                    + money(a.outOfPocket().met()) + " · remaining "
                                    + money(a.outOfPocket().remaining())));
            facts.add(item("Prior authorization required for: "
                    + (a.priorAuthorizationRequired().isEmpty()
                            ? "none"
                            : String.join(", ", a.priorAuthorizationRequired()))));
            a.authorizationsOnFile().forEach(auth -> facts.add(item("Authorization on file: " + auth)));
            facts.add(item("PCP: " + (a.pcp() == null ? "none on file" : a.pcp())));
            facts.add(item(
                    a.otherCoverage() == null
                            ? "Other coverage: none on file"
                            : "Other coverage: " + a.otherCoverage().payer() + " (policy "
                                    + a.otherCoverage().policy() + ", pays "
                                    + ("primary"
                                                    .equalsIgnoreCase(
                                                            a.otherCoverage().order())
                                            ? "first"
                                            : "after this plan")
                                    + ")"));
        }
        answerBox.add(facts);
        raw271.setText(eligibility.as271(request, a));
        raw271.addClassName("x12-text");
        answerBox.add(new Details("The 271 the payer sent", raw271));
        if (chosen != null) {
            RouterLink build = new RouterLink("Build the claim for this visit", ClaimsView.class);
            build.setQueryParameters(QueryParameters.of("scenario", chosen.id()));
            answerBox.add(build);
        }
    }

    private static ListItem item(String text) {
        return new ListItem(text);
    }

    static String money(BigDecimal v) {
        return v == null ? "—" : "$" + String.format(java.util.Locale.US, "%,.2f", v);
    }
}
