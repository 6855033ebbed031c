package org.chart2claim.billing.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.chart2claim.account.CurrentUser;
import org.chart2claim.billing.BillingService;
import org.chart2claim.claim.AccidentIndicators;
import org.chart2claim.claim.Address;
import org.chart2claim.claim.BillingProvider;
import org.chart2claim.claim.Claim;
import org.chart2claim.claim.ClaimBuilder;
import org.chart2claim.claim.ClaimScrubber;
import org.chart2claim.claim.ClaimText;
import org.chart2claim.claim.FrequencyCode;
import org.chart2claim.claim.Insured;
import org.chart2claim.claim.OtherCoverage;
import org.chart2claim.claim.Patient;
import org.chart2claim.claim.PersonName;
import org.chart2claim.claim.Provider;
import org.chart2claim.claim.Relationship;
import org.chart2claim.claim.ScrubFinding;
import org.chart2claim.claim.ServiceLine;
import org.chart2claim.claim.Sex;
import org.chart2claim.claim.ui.Cms1500Form;
import org.chart2claim.coding.CodingAnswer;
import org.chart2claim.payer.ClaimResult;
import org.chart2claim.payer.ClaimSizeLimits;
import org.chart2claim.payer.ClaimStatus;
import org.chart2claim.scenario.Scenario;
import org.chart2claim.scenario.ScenarioLibrary;
import org.chart2claim.standard.PayerIds;

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
    static final int LINES = 6;

    private final BillingService billing;
    private final ScenarioLibrary scenarios;
    private final CurrentUser currentUser;

    final ComboBox<Scenario> scenarioPicker = new ComboBox<>("Scenario");
    final Button fromScenario = new Button("Start from my coding");
    final Button blank = new Button("Blank claim");
    final Select<String> payerId = new Select<>();
    final TextField memberId = new TextField("1a Insured's ID");
    final TextField patientLast = new TextField("2 Patient last name");
    final TextField patientFirst = new TextField("2 Patient first name");
    final DatePicker birthDate = new DatePicker("3 Birth date");
    final Select<Sex> sex = new Select<>();
    final TextField street = new TextField("5 Street");
    final TextField city = new TextField("5 City");
    final TextField state = new TextField("5 State");
    final TextField zip = new TextField("5 ZIP");
    final Select<Relationship> relationship = new Select<>();
    final TextField insuredLast = new TextField("4 Insured last name");
    final TextField insuredFirst = new TextField("4 Insured first name");
    final Checkbox otherCoverage = new Checkbox("11d Another health plan");
    final TextField otherPolicy = new TextField("9a Other policy number");
    final Checkbox employment = new Checkbox("10a Employment related");
    final Checkbox autoAccident = new Checkbox("10b Auto accident");
    final TextField accidentState = new TextField("10b State");
    final Checkbox otherAccident = new Checkbox("10c Other accident");
    final TextField referringName = new TextField("17 Referring provider");
    final TextField referringNpi = new TextField("17b Referring NPI");
    final TextField priorAuth = new TextField("23 Prior authorization");
    final Select<FrequencyCode> frequency = new Select<>();
    final TextField originalClaim = new TextField("22 Original ref. no.");
    final TextField placeOfService = new TextField("24B Place of service");
    final TextField renderingName = new TextField("24J Rendering provider");
    final TextField renderingNpi = new TextField("24J Rendering NPI");
    final TextField taxId = new TextField("25 Federal tax ID");
    final TextField accountNumber = new TextField("26 Patient account no.");
    final TextField billingName = new TextField("33 Billing provider");
    final TextField billingNpi = new TextField("33a Billing NPI");
    final List<TextField> diagnoses = new ArrayList<>();
    final List<LineRow> lines = new ArrayList<>();
    final Button check = new Button("Check claim");
    final Button cms1500 = new Button("CMS-1500 view");
    final Button x12 = new Button("X12 837P");
    final Button submit = new Button("Submit to payer");
    final UnorderedList findings = new UnorderedList();
    final Div findingsBox = new Div();

    /** Billing address and phone kept from the pre-fill (box 33 has no fields of its own here). */
    private Address billingAddress = Address.empty();

    private String billingPhone = "";
    private Scenario startedFrom;
    private String ledger;

    public ClaimsView(BillingService billing, ScenarioLibrary scenarios, CurrentUser currentUser) {
        this.billing = billing;
        this.scenarios = scenarios;
        this.currentUser = currentUser;
        addClassName("claims-view");
        add(
                new H2("Claim builder (CMS-1500 02/12)"),
                new Paragraph(
                        "Start from a scenario you coded, or a blank claim. Boxes the practice system knows are filled in; "
                                + "check the claim, then submit it to the payer and read the remittance."));
        scenarioPicker.setItems(scenarios.catalogue(currentUser.requireUsername()));
        scenarioPicker.setItemLabelGenerator(s -> s.title() + " (" + s.id() + ")");
        scenarioPicker.setWidth("28em");
        fromScenario.addClickListener(e -> scenarioPicker
                .getOptionalValue()
                .ifPresentOrElse(s -> startFrom(s, null), () -> Notification.show("Choose a scenario first.")));
        blank.addClickListener(e -> startBlank());
        HorizontalLayout start = new HorizontalLayout(scenarioPicker, fromScenario, blank);
        start.setAlignItems(Alignment.BASELINE);
        add(start);

        payerId.setLabel("Payer");
        payerId.setItems(PayerIds.ALL);
        sex.setLabel("3 Sex");
        sex.setItems(Sex.values());
        relationship.setLabel("6 Relationship to insured");
        relationship.setItems(Relationship.values());
        frequency.setLabel("22 Resubmission code");
        frequency.setItems(FrequencyCode.values());
        frequency.setItemLabelGenerator(f -> f.code() + " " + f.name().toLowerCase(Locale.ROOT));
        add(
                new H3("Patient and insured"),
                form(
                        payerId,
                        memberId,
                        patientLast,
                        patientFirst,
                        birthDate,
                        sex,
                        street,
                        city,
                        state,
                        zip,
                        relationship,
                        insuredLast,
                        insuredFirst,
                        otherCoverage,
                        otherPolicy,
                        employment,
                        autoAccident,
                        accidentState,
                        otherAccident));
        add(
                new H3("Providers and claim"),
                form(
                        referringName,
                        referringNpi,
                        priorAuth,
                        frequency,
                        originalClaim,
                        placeOfService,
                        renderingName,
                        renderingNpi,
                        taxId,
                        accountNumber,
                        billingName,
                        billingNpi));
        FormLayout dx = new FormLayout();
        dx.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 2), new FormLayout.ResponsiveStep("40em", 6));
        for (int i = 0; i < 12; i++) {
            TextField f = new TextField("21" + (char) ('A' + i));
            f.setWidth("7em");
            diagnoses.add(f);
            dx.add(f);
        }
        add(new H3("21 Diagnoses (ICD-10-CM)"), dx, new H3("24 Service lines"));
        for (int i = 0; i < LINES; i++) {
            LineRow row = new LineRow(i + 1);
            lines.add(row);
            add(row);
        }
        check.addClickListener(e -> showFindings());
        cms1500.addClickListener(e -> openCms1500());
        x12.addClickListener(e -> open837());
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(e -> submitClaim());
        findingsBox.addClassName("claim-findings");
        findingsBox.add(findings);
        add(new HorizontalLayout(check, cms1500, x12, submit), findingsBox);
        startBlank();
    }

    private static FormLayout form(com.vaadin.flow.component.Component... fields) {
        FormLayout f = new FormLayout(fields);
        f.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 4));
        return f;
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
        billingAddress = claim.billing().address();
        billingPhone = claim.billing().phone();
        fill(claim);
        if (previous.status() != ClaimStatus.REJECTED) {
            frequency.setValue(FrequencyCode.REPLACEMENT);
            originalClaim.setValue(previous.payerClaimNumber());
        }
        findings.removeAll();
    }

    void startBlank() {
        startedFrom = null;
        ledger = "ui:blank";
        fill(new ClaimBuilder().placeOfService("11").build());
        findings.removeAll();
    }

    /** Pre-fills from the scenario and the learner's coding: latest submitted attempt, else draft, else the explicit one. */
    void startFrom(Scenario scenario, CodingAnswer coding) {
        String user = currentUser.requireUsername();
        CodingAnswer answer = coding != null ? coding : billing.latestCoding(user, currentUser.roles(), scenario.id());
        startedFrom = scenario;
        ledger = "ui:" + scenario.id() + ":" + System.currentTimeMillis();
        Claim claim = billing.claimFromScenario(scenario, answer);
        billingAddress = claim.billing().address();
        billingPhone = claim.billing().phone();
        fill(claim);
        findings.removeAll();
    }

    void fill(Claim c) {
        payerId.setValue(PayerIds.isKnown(c.payerId()) ? c.payerId() : null);
        memberId.setValue(ClaimText.nz(c.insured().memberId()));
        patientLast.setValue(ClaimText.nz(c.patient().name().last()));
        patientFirst.setValue(ClaimText.nz(c.patient().name().first()));
        birthDate.setValue(c.patient().birthDate());
        sex.setValue(c.patient().sex());
        street.setValue(ClaimText.nz(c.patient().address().line1()));
        city.setValue(ClaimText.nz(c.patient().address().city()));
        state.setValue(ClaimText.nz(c.patient().address().state()));
        zip.setValue(ClaimText.nz(c.patient().address().zip()));
        relationship.setValue(c.relationship());
        insuredLast.setValue(ClaimText.nz(c.insured().name().last()));
        insuredFirst.setValue(ClaimText.nz(c.insured().name().first()));
        otherCoverage.setValue(c.otherCoverage() != null);
        otherPolicy.setValue(
                c.otherCoverage() == null ? "" : ClaimText.nz(c.otherCoverage().policyNumber()));
        employment.setValue(c.accident().employment());
        autoAccident.setValue(c.accident().autoAccident());
        accidentState.setValue(ClaimText.nz(c.accident().autoAccidentState()));
        otherAccident.setValue(c.accident().otherAccident());
        referringName.setValue(
                c.referring().name() == null ? "" : fullName(c.referring().name()));
        referringNpi.setValue(ClaimText.nz(c.referring().npi()));
        priorAuth.setValue(ClaimText.nz(c.priorAuthorization()));
        frequency.setValue(c.frequency());
        originalClaim.setValue(ClaimText.nz(c.originalClaimNumber()));
        placeOfService.setValue(ClaimText.nz(c.placeOfService()));
        renderingName.setValue(
                c.rendering().name() == null ? "" : fullName(c.rendering().name()));
        renderingNpi.setValue(ClaimText.nz(c.rendering().npi()));
        taxId.setValue(ClaimText.nz(c.billing().taxId()));
        accountNumber.setValue(ClaimText.nz(c.patientControlNumber()));
        billingName.setValue(ClaimText.nz(c.billing().name()));
        billingNpi.setValue(ClaimText.nz(c.billing().npi()));
        for (int i = 0; i < diagnoses.size(); i++) {
            diagnoses.get(i).setValue(i < c.diagnoses().size() ? c.diagnoses().get(i) : "");
        }
        for (int i = 0; i < lines.size(); i++) {
            lines.get(i).fill(i < c.lines().size() ? c.lines().get(i) : null);
        }
    }

    private static String fullName(PersonName n) {
        return (ClaimText.nz(n.first()) + " " + ClaimText.nz(n.last())).trim();
    }

    private static PersonName parseName(String full) {
        String n = ClaimText.nz(full);
        int space = n.lastIndexOf(' ');
        return space < 0
                ? new PersonName(n, "", "")
                : new PersonName(n.substring(space + 1), n.substring(0, space), "");
    }

    /** The claim as the form currently describes it. */
    Claim currentClaim() {
        Address address = new Address(
                street.getValue(), "", city.getValue(), state.getValue().toUpperCase(Locale.ROOT), zip.getValue());
        PersonName patientName = new PersonName(
                patientLast.getValue().trim(), patientFirst.getValue().trim(), "");
        Relationship rel = relationship.getValue() == null ? Relationship.SELF : relationship.getValue();
        PersonName insuredName = new PersonName(
                insuredLast.getValue().trim(), insuredFirst.getValue().trim(), "");
        Sex s = sex.getValue() == null ? Sex.U : sex.getValue();
        String payerIdValue = payerId.getValue() == null ? "" : payerId.getValue();
        List<String> dx = diagnoses.stream()
                .map(f -> f.getValue().trim().toUpperCase(Locale.ROOT))
                .toList();
        int last = dx.size();
        while (last > 0 && dx.get(last - 1).isEmpty()) {
            last--;
        }
        List<ServiceLine> serviceLines =
                lines.stream().map(LineRow::toLine).flatMap(Optional::stream).toList();
        Provider referring =
                referringNpi.getValue().isBlank() && referringName.getValue().isBlank()
                        ? Provider.none()
                        : new Provider(
                                parseName(referringName.getValue()),
                                referringNpi.getValue().trim());
        return new ClaimBuilder()
                .patientControlNumber(accountNumber.getValue().trim())
                .payer(payerIdValue, billing.payerName(payerIdValue))
                .insured(new Insured(
                        memberId.getValue().trim(),
                        rel == Relationship.SELF ? patientName : insuredName,
                        birthDate.getValue(),
                        s,
                        address,
                        "",
                        ""))
                .patient(new Patient(patientName, birthDate.getValue(), s, address))
                .relationship(rel)
                .otherCoverage(
                        otherCoverage.getValue()
                                ? new OtherCoverage(
                                        PersonName.of("", ""),
                                        otherPolicy.getValue().trim(),
                                        "")
                                : null)
                .accident(new AccidentIndicators(
                        employment.getValue(),
                        autoAccident.getValue(),
                        accidentState.getValue().trim().toUpperCase(Locale.ROOT),
                        otherAccident.getValue()))
                .referring(referring)
                .priorAuthorization(priorAuth.getValue().trim())
                .diagnoses(dx.subList(0, last))
                .lines(serviceLines)
                .billing(new BillingProvider(
                        billingName.getValue().trim(),
                        billingNpi.getValue().trim(),
                        taxId.getValue().trim(),
                        billingAddress.complete()
                                ? billingAddress
                                : billing.practice()
                                        .address(billingNpi.getValue().trim())
                                        .map(p -> p.address())
                                        .orElse(Address.empty()),
                        billingPhone))
                .rendering(new Provider(
                        parseName(renderingName.getValue()),
                        renderingNpi.getValue().trim()))
                .placeOfService(placeOfService.getValue().trim())
                .frequency(
                        frequency.getValue() == null ? FrequencyCode.ORIGINAL : frequency.getValue(),
                        originalClaim.getValue().trim())
                .build();
    }

    List<ScrubFinding> showFindings() {
        List<ScrubFinding> found = new ClaimScrubber().scrub(currentClaim(), LocalDate.now());
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
        dialog.add(Cms1500Form.render(currentClaim()));
        Button print = new Button("Print", e -> dialog.getElement().executeJs("window.print()"));
        dialog.getFooter().add(print, new Button("Close", e -> dialog.close()));
        dialog.setWidth("60em");
        dialog.open();
    }

    private void open837() {
        String text = billing.write837(currentClaim());
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
        Claim claim = currentClaim();
        List<String> tooLarge = ClaimSizeLimits.problems(claim);
        if (!tooLarge.isEmpty()) {
            Notification.show(String.join(" ", tooLarge), 6000, Notification.Position.MIDDLE);
            return;
        }
        ClaimResult result = billing.submitBuilt(currentUser.requireUsername(), ledger, claim, startedFrom);
        Notification.show("Payer answer: " + result.status());
        billing.recordId(result).ifPresent(id -> getUI().ifPresent(ui -> ui.navigate("claims/remittance/" + id)));
    }

    /** One box-24 row: dates, POS, code, modifiers, pointers (A–L), charge, units. */
    final class LineRow extends HorizontalLayout {
        final DatePicker date = new DatePicker();
        final TextField code = new TextField();
        final TextField modifiers = new TextField();
        final TextField pointers = new TextField();
        final TextField charge = new TextField();
        final IntegerField units = new IntegerField();

        LineRow(int n) {
            date.setLabel(n + " 24A Date");
            code.setLabel("24D Code");
            modifiers.setLabel("Modifiers");
            modifiers.setPlaceholder("25, RT");
            pointers.setLabel("24E Pointer");
            pointers.setPlaceholder("A, B");
            charge.setLabel("24F Charge");
            units.setLabel("24G Units");
            code.setWidth("6em");
            modifiers.setWidth("7em");
            pointers.setWidth("6em");
            charge.setWidth("7em");
            units.setWidth("5em");
            code.addValueChangeListener(e -> {
                // a practice system prices a line from its charge master as soon as the code is entered
                if (e.isFromClient() && charge.getValue().isBlank()) {
                    billing.practice().charge(e.getValue().trim()).ifPresent(c -> charge.setValue(c.toPlainString()));
                }
            });
            add(date, code, modifiers, pointers, charge, units);
            setAlignItems(Alignment.BASELINE);
        }

        void fill(ServiceLine line) {
            date.setValue(line == null ? null : line.from());
            code.setValue(line == null ? "" : line.code());
            modifiers.setValue(line == null ? "" : String.join(", ", line.modifiers()));
            pointers.setValue(
                    line == null
                            ? ""
                            : String.join(
                                    ", ",
                                    line.pointers().stream()
                                            .map(ClaimScrubber::pointerLetter)
                                            .toList()));
            charge.setValue(line == null ? "" : line.charge().toPlainString());
            units.setValue(line == null ? null : line.units());
        }

        Optional<ServiceLine> toLine() {
            if (code.getValue().isBlank()) {
                return Optional.empty();
            }
            List<String> mods = split(modifiers.getValue()).stream()
                    .map(m -> m.toUpperCase(Locale.ROOT))
                    .toList();
            List<Integer> ptrs = new ArrayList<>();
            for (String p : split(pointers.getValue())) {
                String u = p.toUpperCase(Locale.ROOT);
                if (u.length() == 1 && u.charAt(0) >= 'A' && u.charAt(0) <= 'L') {
                    ptrs.add(u.charAt(0) - 'A' + 1); // reported by the scrubber as out of range
                } else if (u.matches("\\d{1,2}")) {
                    ptrs.add(Integer.parseInt(u)); // reported by the scrubber as out of range
                } else {
                    ptrs.add(0); // reported by the scrubber as out of range
                }
            }
            BigDecimal amount;
            try {
                amount = charge.getValue().isBlank()
                        ? BigDecimal.ZERO
                        : new BigDecimal(charge.getValue().trim().replace("$", ""));
            } catch (NumberFormatException e) {
                amount = BigDecimal.ZERO;
            }
            return Optional.of(new ServiceLine(
                    date.getValue(),
                    date.getValue(),
                    "",
                    false,
                    code.getValue().trim().toUpperCase(Locale.ROOT),
                    mods,
                    ptrs,
                    amount,
                    units.getValue() == null ? 1 : units.getValue(),
                    ""));
        }

        private static List<String> split(String s) {
            List<String> out = new ArrayList<>();
            for (String part : s.split("[,\\s]+")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
            return out;
        }
    }
}
