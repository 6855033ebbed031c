package org.chart2claim.billing.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import java.util.List;
import java.util.UUID;
import org.chart2claim.account.Role;
import org.chart2claim.billing.BillingService;
import org.chart2claim.claim.Claim;
import org.chart2claim.claim.ClaimBuilder;
import org.chart2claim.claim.FrequencyCode;
import org.chart2claim.coding.CodingAnswer;
import org.chart2claim.payer.ClaimResult;
import org.chart2claim.payer.Disclosure;
import org.chart2claim.payer.PayerClaimRecord;
import org.chart2claim.scenario.Scenario;
import org.chart2claim.scenario.ScenarioLibrary;
import org.chart2claim.support.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** My claims lists the caller's own claims with their reversals; a replacement's remittance shows both. */
class MyClaimsViewTest extends KaribuTest {
    static final String SCENARIO = "pc-001-dm2-neuropathy";

    @Autowired
    BillingService billing;

    @Autowired
    ScenarioLibrary library;

    List<ClaimResult> submit(String user, String replaces) {
        Scenario scenario = library.find(SCENARIO).orElseThrow();
        return billing.submitScenario(
                user,
                scenario,
                CodingAnswer.fromKey(scenario.key()),
                null,
                "karibu:" + UUID.randomUUID(),
                replaces,
                Disclosure.TEACHING);
    }

    static List<PayerClaimRecord> rows(MyClaimsView view) {
        return view.claims.getListDataView().getItems().toList();
    }

    @Test
    void myClaimsListsOriginalReversalAndReplacementAndTheRemittanceShowsBoth() {
        login("student", Role.STUDENT);
        String number = submit("student", null).getFirst().payerClaimNumber();
        List<ClaimResult> replaced = submit("student", number);
        assertThat(replaced).extracting(r -> r.status().name()).containsExactly("REVERSED", "PAID");

        UI.getCurrent().navigate("claims/mine");
        List<PayerClaimRecord> rows = rows(_get(MyClaimsView.class));
        assertThat(rows).allMatch(r -> r.getUsername().equals("student"));
        List<PayerClaimRecord> ofThisClaim = rows.stream()
                .filter(r -> number.equals(r.getPayerClaimNumber()))
                .toList();
        // newest first: the reversal (negative) above the original it took back, in the same ledger
        assertThat(ofThisClaim).extracting(PayerClaimRecord::getStatus).containsExactly("REVERSED", "PAID");
        assertThat(ofThisClaim.getFirst().getPatientResponsibility()).isNegative();
        assertThat(ofThisClaim.getFirst().getLedger())
                .isEqualTo(ofThisClaim.getLast().getLedger());
        // the reversed original can no longer be corrected; its replacement can
        PayerClaimRecord original = ofThisClaim.getLast();
        assertThat(MyClaimsView.actions(original, java.util.Set.of(number))
                        .getChildren()
                        .map(c -> c.getElement().getText())
                        .toList())
                .containsExactly("Remittance");

        long replacementId = billing.recordId(replaced.getLast()).orElseThrow();
        UI.getCurrent().navigate("claims/remittance/" + replacementId);
        RemittanceView remittance = _get(RemittanceView.class);
        assertThat(remittance.status.getText()).isEqualTo("PAID");
        assertThat(remittance.reversalSection.getElement().getTextRecursively())
                .contains("Reversal of the original claim " + number)
                .contains("patient responsibility -");
        assertThat(remittance.raw835.getText()).contains("*22*-").contains("*" + number + "~");
    }

    @Test
    void aVoidOnlyReversesTheOriginal() {
        login("student", Role.STUDENT);
        Scenario scenario = library.find(SCENARIO).orElseThrow();
        String ledger = "karibu:void:" + UUID.randomUUID();
        ClaimResult original = billing.submitScenario(
                        "student",
                        scenario,
                        CodingAnswer.fromKey(scenario.key()),
                        null,
                        ledger,
                        null,
                        Disclosure.TEACHING)
                .getFirst();
        Claim voiding = ClaimBuilder.from(billing.claimFromScenario(scenario, CodingAnswer.fromKey(scenario.key())))
                .frequency(FrequencyCode.VOID, original.payerClaimNumber())
                .build();

        ClaimResult answer = billing.submitBuilt("student", ledger, voiding, scenario);

        assertThat(answer.status().name()).isEqualTo("REVERSED");
        assertThat(answer.payerClaimNumber()).isEqualTo(original.payerClaimNumber());
        assertThat(answer.patientResponsibility())
                .isEqualByComparingTo(original.patientResponsibility().negate());
        UI.getCurrent().navigate("claims/mine");
        assertThat(rows(_get(MyClaimsView.class)).stream()
                        .filter(r -> r.getLedger().equals(ledger))
                        .map(PayerClaimRecord::getStatus))
                .containsExactly("REVERSED", "PAID");
    }

    @Test
    void aStudentSeesOnlyOwnClaims() {
        submit("student", null);
        login("another-student", Role.STUDENT);
        UI.getCurrent().navigate("claims/mine");
        MyClaimsView view = _get(MyClaimsView.class);
        assertThat(rows(view)).isEmpty();
        assertThat(view.empty.isAttached()).isTrue();
    }

    @Test
    void remittanceWithoutAnIdLandsOnMyClaims() {
        login("student", Role.STUDENT);
        UI.getCurrent().navigate("claims/remittance");
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .isEqualTo("claims/mine");
        _get(MyClaimsView.class);
    }
}
