package org.chart2claim.billing.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
import org.chart2claim.claim.ServiceLine;
import org.chart2claim.claim.Sex;
import org.chart2claim.standard.PayerIds;

/**
 * The CMS-1500 (02/12) as a form: every box the claim builder edits, labelled with its box number, with
 * {@link #fill(Claim)} from a claim and {@link #claim()} back to one. A line's charge comes from the practice's
 * charge master as soon as its code is typed; the billing provider's address and phone, which the form does not
 * show, are kept from the claim it was filled with (or looked up by the billing NPI).
 */
public class ClaimForm extends VerticalLayout {
    static final int LINES = 6;

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

    private final BillingService billing;
    private Address billingAddress = Address.empty();
    private String billingPhone = "";

    public ClaimForm(BillingService billing) {
        this.billing = billing;
        setPadding(false);
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
    }

    private static FormLayout form(com.vaadin.flow.component.Component... fields) {
        FormLayout f = new FormLayout(fields);
        f.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 4));
        return f;
    }

    /** Shows the claim in the boxes (and keeps its billing address and phone for {@link #claim()}). */
    public void fill(Claim c) {
        billingAddress = c.billing().address();
        billingPhone = c.billing().phone();
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
    public Claim claim() {
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
            setWrap(true);
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
            // on a phone the six boxes wrap onto more rows instead of scrolling the app's content sideways
            setWrap(true);
            setWidthFull();
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
