package org.chart2claim.billing.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import org.chart2claim.account.Role;
import org.chart2claim.coding.AttemptService;
import org.chart2claim.coding.CodingAnswer;
import org.chart2claim.scenario.ScenarioLibrary;
import org.chart2claim.support.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Build a claim from a coded scenario attempt, fix a scrubber finding, submit, read the remittance. */
class ClaimsViewTest extends KaribuTest {
    static final String SCENARIO = "pc-001-dm2-neuropathy";

    @Autowired
    AttemptService attempts;

    @Autowired
    ScenarioLibrary library;

    @Test
    void buildFromAttemptFixSubmitAndReadTheRemittance() {
        login("student", Role.STUDENT);
        attempts.submit(
                "student",
                SCENARIO,
                CodingAnswer.fromKey(library.find(SCENARIO).orElseThrow().key()));

        UI.getCurrent().navigate("claims", com.vaadin.flow.router.QueryParameters.of("scenario", SCENARIO));
        ClaimsView view = _get(ClaimsView.class);
        assertThat(view.form.memberId.getValue()).isEqualTo("1EG4TE5MK73");
        assertThat(view.form.diagnoses.get(0).getValue()).isEqualTo("E11.42");
        assertThat(view.form.lines.get(0).code.getValue()).isEqualTo("99214");
        assertThat(view.form.lines.get(0).charge.getValue()).isNotBlank();

        // a typo in the billing NPI is caught by the scrubber (check digit) and blocks submission
        String npi = view.form.billingNpi.getValue();
        view.form.billingNpi.setValue(npi.substring(0, 9) + ((npi.charAt(9) - '0' + 1) % 10));
        view.submit.click();
        assertThat(view.findings
                        .getChildren()
                        .map(c -> c.getElement().getText())
                        .toList())
                .anyMatch(t -> t.contains("Box 33a"));
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .isEqualTo("claims");

        // fixed: no findings, the claim goes out and the remittance page opens
        view.form.billingNpi.setValue(npi);
        assertThat(view.showFindings()).isEmpty();
        view.submit.click();
        RemittanceView remittance = _get(RemittanceView.class);
        assertThat(remittance.status.getText()).isEqualTo("PAID");
        assertThat(remittance.raw835.getText()).contains("CLP*").contains("SVC*HC:99214");
        assertThat(remittance
                        .adjustments
                        .getChildren()
                        .map(c -> c.getElement().getTextRecursively())
                        .toList())
                .anyMatch(t -> t.contains("CO-45") && t.contains("FeeScheduleEdit"));
    }

    @Test
    void overcodedVisitShowsTheDowncodeWithAHintThatExamModeHides() {
        submitOneLineClaim("E11.42", "Z79.84", "99215", "A, B", "400");
        RemittanceView remittance = _get(RemittanceView.class);
        assertThat(remittance.status.getText()).isEqualTo("PARTIAL");
        assertThat(remittance.adjustments.getElement().getTextRecursively())
                .contains("CO-150")
                .contains("How to fix");
        remittance.teachingMode.setValue(false);
        assertThat(remittance.adjustments.getElement().getTextRecursively())
                .contains("CO-150")
                .doesNotContain("How to fix");
    }

    @Test
    void atPhoneWidthTheRemittanceGridsShowOneCellPerLine() {
        submitOneLineClaim("E11.42", "Z79.84", "99215", "A, B", "400");
        RemittanceView remittance = _get(RemittanceView.class);
        assertThat(visibleHeaders(remittance.linesGrid)).contains("Billed", "Allowed", "Paid", "Adjustments");

        remittance.phoneWidth(true);
        assertThat(visibleHeaders(remittance.linesGrid)).containsExactly("Line");
        assertThat(visibleHeaders(remittance.posted)).containsExactly("Transaction");
        // the one cell still carries the money and the adjustment
        var cell = remittance.linesGrid.getColumns().stream()
                .filter(com.vaadin.flow.component.grid.Grid.Column::isVisible)
                .findFirst()
                .orElseThrow();
        String text = ((com.vaadin.flow.data.renderer.ComponentRenderer<?, org.chart2claim.payer.LineResult>)
                        cell.getRenderer())
                .createComponent(remittance.linesGrid.getListDataView().getItem(0))
                .getElement()
                .getTextRecursively();
        assertThat(text).contains("99215").contains("billed 400.00").contains("CO-150");
        // a new rendering (teaching mode off) keeps the phone layout
        remittance.teachingMode.setValue(false);
        assertThat(visibleHeaders(remittance.linesGrid)).containsExactly("Line");

        remittance.phoneWidth(false);
        assertThat(visibleHeaders(remittance.linesGrid)).contains("Billed", "Allowed", "Paid", "Adjustments");
    }

    private static java.util.List<String> visibleHeaders(com.vaadin.flow.component.grid.Grid<?> grid) {
        return grid.getColumns().stream()
                .filter(com.vaadin.flow.component.grid.Grid.Column::isVisible)
                .map(c -> c.getHeaderText())
                .toList();
    }

    @Test
    void aDeniedClaimIsCorrectedWithAReplacementThatIsNotADuplicate() {
        submitOneLineClaim("E11.42", "", "93000", "A", "40");
        RemittanceView denied = _get(RemittanceView.class);
        assertThat(denied.status.getText()).isEqualTo("DENIED");
        String deniedPath =
                UI.getCurrent().getInternals().getActiveViewLocation().getPath();
        long id = Long.parseLong(deniedPath.substring(deniedPath.lastIndexOf('/') + 1));

        UI.getCurrent().navigate("claims", com.vaadin.flow.router.QueryParameters.of("correct", String.valueOf(id)));
        ClaimsView correction = _get(ClaimsView.class);
        assertThat(correction.form.frequency.getValue()).isEqualTo(org.chart2claim.claim.FrequencyCode.REPLACEMENT);
        assertThat(correction.form.originalClaim.getValue()).startsWith("SIM");
        correction.form.lines.get(0).code.setValue("99214");
        correction.form.lines.get(0).pointers.setValue("A, B");
        correction.form.diagnoses.get(1).setValue("Z79.84");
        correction.form.lines.get(0).charge.setValue("286");
        correction.submit.click();
        assertThat(_get(RemittanceView.class).status.getText()).isEqualTo("PAID");
    }

    @Test
    void anotherUsersRemittanceIsNotShown() {
        login("intruder", Role.STUDENT);
        UI.getCurrent().navigate("claims/remittance/1");
        RemittanceView remittance = _get(RemittanceView.class);
        assertThat(remittance.getElement().getTextRecursively()).contains("Remittance not found");
    }

    /** Logs in as the student, opens the claim builder on the scenario, fills one line and submits. */
    @Test
    void onAPhoneThePayerAnswerIsNoToastOverTheRemittance() {
        submitOneLineClaim("E11.42", "Z79.84", "99215", "A, B", "400");
        com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications("Payer answer: PARTIAL");
        submitOneLineClaim(true, "E11.42", "Z79.84", "99215", "A, B", "400");
        com.github.mvysny.kaributesting.v10.NotificationsKt.expectNoNotifications();
        // the remittance itself says it, at the top
        assertThat(_get(RemittanceView.class).status.getText()).isEqualTo("PARTIAL");
    }

    private void submitOneLineClaim(
            String firstDiagnosis, String secondDiagnosis, String code, String pointers, String charge) {
        submitOneLineClaim(false, firstDiagnosis, secondDiagnosis, code, pointers, charge);
    }

    private void submitOneLineClaim(
            boolean phone, String firstDiagnosis, String secondDiagnosis, String code, String pointers, String charge) {
        login("student", Role.STUDENT);
        UI.getCurrent().navigate("claims", com.vaadin.flow.router.QueryParameters.of("scenario", SCENARIO));
        ClaimsView view = _get(ClaimsView.class);
        view.form.diagnoses.get(0).setValue(firstDiagnosis);
        view.form.diagnoses.get(1).setValue(secondDiagnosis);
        ClaimForm.LineRow line = view.form.lines.get(0);
        line.date.setValue(library.find(SCENARIO).orElseThrow().dateOfService());
        line.code.setValue(code);
        line.pointers.setValue(pointers);
        line.charge.setValue(charge);
        line.units.setValue(1);
        view.narrow = phone;
        view.submit.click();
    }
}
