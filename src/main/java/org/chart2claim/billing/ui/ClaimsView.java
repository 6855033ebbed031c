package org.chart2claim.billing.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.chart2claim.account.CurrentUser;
import org.chart2claim.billing.BillingService;
import org.chart2claim.billing.eligibility.EligibilityService;
import org.chart2claim.claim.Claim;
import org.chart2claim.claim.ClaimBuilder;
import org.chart2claim.claim.ClaimScrubber;
import org.chart2claim.claim.FrequencyCode;
import org.chart2claim.claim.ScrubFinding;
import org.chart2claim.claim.ui.Cms1500Form;
import org.chart2claim.coding.CodingAnswer;
import org.chart2claim.config.ui.NarrowScreen;
import org.chart2claim.payer.ClaimResult;
import org.chart2claim.payer.ClaimSizeLimits;
import org.chart2claim.payer.ClaimStatus;
import org.chart2claim.scenario.Scenario;
import org.chart2claim.scenario.ScenarioLibrary;

/**
 * Claim builder: start from a coded scenario attempt (pre-filled the way a practice-management system
 * would) or a blank CMS-1500, check it with the scrubber, view it as a printable CMS-1500 or as X12 837P,
 * and submit it to the simulated payer, which answers with a remittance.
 */
@Menu(title = "Claims", order = 11, icon = "vaadin:invoice")
@Route("claims")
@PageTitle("Claims · Chart2Claim")
@RolesAllowed("STUDENT")
@StyleSheet("css/claims.css")
public class ClaimsView extends VerticalLayout implements BeforeEnterObserver {
    private final BillingService billing;
    private final ScenarioLibrary scenarios;
    private final CurrentUser currentUser;
    private final EligibilityService eligibility;
    /** The benefits of the trainee's latest eligibility check of this patient (or a nudge to run one). */
    final Div benefitsUsed = new Div();

    final ComboBox<Scenario> scenarioPicker = new ComboBox<>("Scenario");
    final Button fromScenario = new Button("Start from my coding");
    final Button blank = new Button("Blank claim");
    final ClaimForm form;
    final Button check = new Button("Check claim");
    final Button cms1500 = new Button("CMS-1500 view");
    final Button x12 = new Button("X12 837P");
    final Button submit = new Button("Submit to payer");
    final UnorderedList findings = new UnorderedList();
    final Div findingsBox = new Div();

    private Scenario startedFrom;
    private String ledger;
    /** Phone width ({@link NarrowScreen}): no toast over the remittance, whose status line says the same. */
    boolean narrow;

    public ClaimsView(
            BillingService billing,
            ScenarioLibrary scenarios,
            CurrentUser currentUser,
            EligibilityService eligibility) {
        this.eligibility = eligibility;
        this.billing = billing;
        this.scenarios = scenarios;
        this.currentUser = currentUser;
        this.form = new ClaimForm(billing);
        addClassName("claims-view");
        add(
                new H2("Claim builder (CMS-1500 02/12)"),
                new Paragraph(
                        "Start from a scenario you coded, or a blank claim. Boxes the practice system knows are filled in; "
                                + "check the claim, then submit it to the payer and read the remittance."));
        scenarioPicker.setItems(scenarios.catalogue(currentUser.requireUsername()));
        scenarioPicker.setItemLabelGenerator(s -> s.title() + " (" + s.id() + ")");
        scenarioPicker.setWidth("28em");
        // never wider than a phone's screen: the row wraps below the picker instead
        scenarioPicker.setMaxWidth("100%");
        fromScenario.addClickListener(e -> scenarioPicker
                .getOptionalValue()
                .ifPresentOrElse(s -> startFrom(s, null), () -> Notification.show("Choose a scenario first.")));
        blank.addClickListener(e -> startBlank());
        HorizontalLayout start = new HorizontalLayout(scenarioPicker, fromScenario, blank);
        start.setAlignItems(Alignment.BASELINE);
        start.setWrap(true);
        start.setWidthFull();
        benefitsUsed.addClassName("benefits-used");
        add(start, benefitsUsed, form);
        check.addClickListener(e -> showFindings());
        cms1500.addClickListener(e -> openCms1500());
        x12.addClickListener(e -> open837());
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(e -> submitClaim());
        findingsBox.addClassName("claim-findings");
        findingsBox.add(findings);
        HorizontalLayout actions = new HorizontalLayout(check, cms1500, x12, submit);
        // on a phone the four buttons wrap onto a second row instead of scrolling the page sideways
        actions.setWrap(true);
        add(actions, findingsBox);
        NarrowScreen.track(this, n -> narrow = n);
        startBlank();
    }

    /**
     * {@code claims?scenario=ID} starts from the learner's latest coding of that scenario ({@code &attempt=ID}: from
     * that attempt of theirs); {@code claims?correct=ID}
     * reopens a submitted claim to correct it: a denied or paid claim as a replacement (frequency 7 with the
     * payer's claim number, same ledger), a rejected one as a new original.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getLocation().getQueryParameters();
        params.getSingleParameter("scenario").flatMap(scenarios::find).ifPresent(s -> {
            scenarioPicker.setValue(s);
            // &attempt=ID (the feedback page's "Build a claim from this attempt"): that attempt's codes
            CodingAnswer fromAttempt = params.getSingleParameter("attempt")
                    .filter(v -> v.matches("\\d{1,18}"))
                    .flatMap(v -> billing.attemptCoding(
                            currentUser.requireUsername(), currentUser.roles(), s.id(), Long.parseLong(v)))
                    .orElse(null);
            startFrom(s, fromAttempt);
        });
        params.getSingleParameter("correct")
                .filter(v -> v.matches("\\d{1,18}"))
                .map(Long::parseLong)
                .ifPresent(this::correct);
    }

    void correct(long id) {
        var correction = billing.correction(id, currentUser.requireUsername());
        if (correction.isEmpty()) {
            Notification.show("There is no claim " + id + " among your submissions.");
            return;
        }
        Claim claim = correction.get().claim();
        ClaimResult previous = correction.get().previous();
        startedFrom = correction.get().scenario().orElse(null);
        ledger = correction.get().ledger();
        form.fill(claim);
        showBenefitsUsed();
        if (previous.status() != ClaimStatus.REJECTED) {
            form.frequency.setValue(FrequencyCode.REPLACEMENT);
            form.originalClaim.setValue(previous.payerClaimNumber());
        }
        findings.removeAll();
    }

    void startBlank() {
        startedFrom = null;
        ledger = "ui:blank";
        form.fill(new ClaimBuilder().placeOfService("11").build());
        showBenefitsUsed();
        findings.removeAll();
    }

    /** Pre-fills from the scenario and the learner's coding: latest submitted attempt, else draft, else the explicit one. */
    void startFrom(Scenario scenario, CodingAnswer coding) {
        String user = currentUser.requireUsername();
        CodingAnswer answer = coding != null ? coding : billing.latestCoding(user, currentUser.roles(), scenario.id());
        startedFrom = scenario;
        ledger = "ui:" + scenario.id() + ":" + System.currentTimeMillis();
        Claim claim = billing.claimFromScenario(scenario, answer);
        form.fill(claim);
        showBenefitsUsed();
        findings.removeAll();
    }

    List<ScrubFinding> showFindings() {
        List<ScrubFinding> found = new ClaimScrubber().scrub(form.claim(), LocalDate.now());
        findings.removeAll();
        if (found.isEmpty()) {
            findings.add(new ListItem("No scrubber findings: the claim is ready to submit."));
        }
        for (ScrubFinding f : found) {
            findings.add(new ListItem(f.display()));
        }
        return found;
    }

    private void openCms1500() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("CMS-1500 (02/12)");
        dialog.add(Cms1500Form.render(form.claim()));
        Button print = new Button("Print", e -> dialog.getElement().executeJs("window.print()"));
        dialog.getFooter().add(print, new Button("Close", e -> dialog.close()));
        dialog.setWidth("60em");
        dialog.open();
    }

    private void open837() {
        String text = billing.write837(form.claim());
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("X12 837P (005010X222A1)");
        Pre pre = new Pre(text);
        pre.addClassName("x12-text");
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        Anchor download = new Anchor(
                DownloadHandler.fromInputStream(event -> new DownloadResponse(
                        new ByteArrayInputStream(bytes), "claim-837p.x12", "application/edi-x12", bytes.length)),
                "Download 837P");
        download.getElement().setAttribute("download", true);
        dialog.add(pre);
        dialog.getFooter().add(download, new Button("Close", e -> dialog.close()));
        dialog.setWidth("60em");
        dialog.open();
    }

    void submitClaim() {
        List<ScrubFinding> found = showFindings();
        if (!found.isEmpty()) {
            Notification.show("Fix the " + found.size() + " scrubber finding(s) before submitting.");
            return;
        }
        Claim claim = form.claim();
        List<String> tooLarge = ClaimSizeLimits.problems(claim);
        if (!tooLarge.isEmpty()) {
            Notification.show(String.join(" ", tooLarge), 6000, Notification.Position.MIDDLE);
            return;
        }
        ClaimResult result = billing.submitBuilt(currentUser.requireUsername(), ledger, claim, startedFrom);
        if (!narrow) {
            // at phone width the toast would cover the remittance's first lines, which show the status anyway
            Notification.show("Payer answer: " + result.status(), 3000, Notification.Position.BOTTOM_START);
        }
        billing.recordId(result).ifPresent(id -> getUI().ifPresent(ui -> ui.navigate("claims/remittance/" + id)));
    }

    /** What the latest eligibility check of this payer and member said: the benefits this claim is billed under. */
    void showBenefitsUsed() {
        benefitsUsed.removeAll();
        String member = form.memberId.getValue().trim();
        if (form.payerId.getValue() == null || member.isEmpty()) {
            benefitsUsed.setVisible(false);
            return;
        }
        benefitsUsed.setVisible(true);
        var check = eligibility.latestCheck(currentUser.requireUsername(), form.payerId.getValue(), member);
        if (check.isEmpty()) {
            benefitsUsed.add(
                    new Paragraph(
                            "Eligibility not checked for member " + member
                                    + ": run a 270/271 check (Eligibility) before you submit, or a coverage problem comes back as a denial."));
            return;
        }
        var a = check.get().answer();
        StringBuilder text = new StringBuilder("Benefits used (eligibility checked "
                + org.chart2claim.config.DisplayDates.dateTime(check.get().checkedAt()) + " for " + a.dateOfService()
                + "): ");
        if (!a.active()) {
            text.append("NOT ACTIVE (").append(a.reason()).append(") · ").append(a.message());
        } else {
            text.append(a.plan())
                    .append(" · deductible remaining ")
                    .append(EligibilityView.money(a.deductible().remaining()))
                    .append(" of ")
                    .append(EligibilityView.money(a.deductible().annual()))
                    .append(" · coinsurance ")
                    .append(a.coinsurance())
                    .append('%');
            a.copay()
                    .forEach((type, amount) ->
                            text.append(" · copay ").append(type).append(' ').append(EligibilityView.money(amount)));
            if (a.otherCoverage() != null) {
                text.append(" · other coverage: ")
                        .append(a.otherCoverage().payer())
                        .append(" (")
                        .append(a.otherCoverage().order())
                        .append(')');
            }
        }
        benefitsUsed.add(new Paragraph(text.toString()));
    }
}
