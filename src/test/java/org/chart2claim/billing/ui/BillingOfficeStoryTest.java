package org.chart2claim.billing.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.chart2claim.account.Role;
import org.chart2claim.billing.BillingService;
import org.chart2claim.billing.posting.PracticeLedger;
import org.chart2claim.billing.posting.TransactionType;
import org.chart2claim.billing.statement.StatementService;
import org.chart2claim.claim.Claim;
import org.chart2claim.claim.ClaimBuilder;
import org.chart2claim.claim.Insured;
import org.chart2claim.claim.Patient;
import org.chart2claim.claim.PersonName;
import org.chart2claim.claim.Sex;
import org.chart2claim.coding.AttemptService;
import org.chart2claim.coding.CodingAnswer;
import org.chart2claim.payer.ClaimResult;
import org.chart2claim.payer.Disclosure;
import org.chart2claim.scenario.Scenario;
import org.chart2claim.scenario.ScenarioLibrary;
import org.chart2claim.support.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The billing office, story by story: check eligibility, build and submit the claim, see the ERA posted, post the
 * patient's payment, print the statement; an eligibility denial without a check; the A/R dashboard of a scripted
 * ledger.
 */
class BillingOfficeStoryTest extends KaribuTest {
    /** Medicare patient with the deductible open: the visit becomes the patient's balance. */
    static final String SCENARIO = "pc-001-dm2-neuropathy";

    @Autowired
    AttemptService attempts;

    @Autowired
    ScenarioLibrary library;

    @Autowired
    BillingService billing;

    @Autowired
    StatementService statements;

    @Test
    void checkEligibilityBuildAndSubmitSeeTheEraPostedPostAPaymentAndPrintTheStatement() throws IOException {
        String user = "office-" + UUID.randomUUID().toString().substring(0, 8);
        login(user, Role.STUDENT);
        Scenario scenario = library.find(SCENARIO).orElseThrow();

        // 1. eligibility before the visit
        UI.getCurrent().navigate("billing/eligibility", QueryParameters.of("scenario", SCENARIO));
        EligibilityView eligibility = _get(EligibilityView.class);
        assertThat(eligibility.memberId.getValue()).isEqualTo("1EG4TE5MK73");
        eligibility.runCheck();
        assertThat(eligibility.status.getText()).isEqualTo("Active coverage");
        assertThat(eligibility.answer.deductible().remaining()).isEqualByComparingTo("283.00");
        assertThat(eligibility.answerBox.getElement().getTextRecursively())
                .contains("Deductible: $283.00 a year")
                .contains("Heartland Medigap Plan G");
        assertThat(eligibility.raw271.getText()).contains("ST*271*").contains("EB*C*IND*30*MB**23*283");

        // 2. the claim built afterwards shows the benefits used; submit it
        attempts.submit(user, SCENARIO, CodingAnswer.fromKey(scenario.key()));
        UI.getCurrent().navigate("claims", QueryParameters.of("scenario", SCENARIO));
        ClaimsView claims = _get(ClaimsView.class);
        assertThat(claims.benefitsUsed.getElement().getTextRecursively())
                .contains("Benefits used")
                .contains("deductible remaining $283.00");
        claims.submit.click();

        // 3. the remittance shows the ERA as posted to the practice ledger
        RemittanceView remittance = _get(RemittanceView.class);
        assertThat(remittance.posted.getListDataView().getItems().map(t -> t.type()))
                .contains(TransactionType.CHARGE, TransactionType.CONTRACTUAL_ADJUSTMENT, TransactionType.DEDUCTIBLE);
        BigDecimal owed = remittance
                .posted
                .getListDataView()
                .getItems()
                .filter(t -> t.type().patientShare())
                .map(t -> t.amount())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(owed).isPositive();

        // 4. the patient pays part of it at the front desk
        UI.getCurrent().navigate("billing/accounts");
        PatientAccountsView accounts = _get(PatientAccountsView.class);
        String ledger = accounts.clockBar
                .ledger
                .getListDataView()
                .getItems()
                .filter(l -> l.startsWith("ui:" + SCENARIO))
                .findFirst()
                .orElseThrow();
        accounts.clockBar.ledger.setValue(ledger);
        PracticeLedger.AccountBalance account =
                accounts.accounts.getListDataView().getItems().findFirst().orElseThrow();
        assertThat(account.patientBalance()).isEqualByComparingTo(owed);
        accounts.open(account.account());
        accounts.amount.setValue("25.00");
        accounts.method.setValue("card");
        accounts.post.click();
        assertThat(accounts.message.getText()).isEqualTo("Payment of $25.00 posted.");
        assertThat(accounts.accounts
                        .getListDataView()
                        .getItems()
                        .findFirst()
                        .orElseThrow()
                        .patientBalance())
                .isEqualByComparingTo(owed.subtract(new BigDecimal("25.00")));
        accounts.amount.setValue("99999");
        accounts.post.click();
        assertThat(accounts.message.getText()).contains("Not posted").contains("more than the open balance");

        // 5. print the statement
        assertThat(accounts.statementPdf.getHref()).isNotBlank();
        byte[] pdf = statements.pdf(user, ledger, account.account()).orElseThrow();
        try (var doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc))
                    .contains("Marjorie Ellison", "99214", "Your payment (card)")
                    .contains("BALANCE DUE: $"
                            + owed.subtract(new BigDecimal("25.00")).setScale(2));
        }

        // 6. a month passes: the statement cycle sends the first statement
        accounts.clockBar.month.click();
        assertThat(statements.sent(user, ledger))
                .singleElement()
                .satisfies(s -> assertThat(s.cycle()).isEqualTo(1));
    }

    @Test
    void anEligibilityDenialWithoutACheckSaysA270Or271WouldHaveShownIt() {
        String user = "office-" + UUID.randomUUID().toString().substring(0, 8);
        login(user, Role.STUDENT);
        Scenario scenario = library.find(SCENARIO).orElseThrow();
        Claim fromScenario = billing.claimFromScenario(scenario, CodingAnswer.fromKey(scenario.key()));
        // a patient whose coverage ended 2026-01-31, seen 2026-03-14
        PersonName tenney = new PersonName("Tenney", "Harold", "");
        Claim claim = ClaimBuilder.from(fromScenario)
                .payer("ppo-sim", "Blue Horizon PPO (simulated)")
                .insured(new Insured(
                        "W700100201",
                        tenney,
                        LocalDate.of(1969, 4, 11),
                        Sex.M,
                        fromScenario.patient().address(),
                        "",
                        ""))
                .patient(new Patient(
                        tenney,
                        LocalDate.of(1969, 4, 11),
                        Sex.M,
                        fromScenario.patient().address()))
                .build();
        ClaimResult result = billing.submitBuilt(user, "elig-" + UUID.randomUUID(), claim, scenario);
        UI.getCurrent().navigate("claims/remittance/" + billing.recordId(result).orElseThrow());
        RemittanceView remittance = _get(RemittanceView.class);
        assertThat(remittance.adjustments.getElement().getTextRecursively()).contains("CO-27");
        assertThat(remittance.eligibilityNote.getText()).contains("a 270/271 would have shown this");
        assertThat(remittance.posted.getListDataView().getItems().map(t -> t.type()))
                .contains(TransactionType.DENIAL);
    }

    @Test
    void theDashboardShowsTheNumbersOfAScriptedLedger() {
        String user = "office-" + UUID.randomUUID().toString().substring(0, 8);
        login(user, Role.STUDENT);
        Scenario scenario = library.find(SCENARIO).orElseThrow();
        CodingAnswer key = CodingAnswer.fromKey(scenario.key());
        String ledger = "dash-" + UUID.randomUUID();
        // the same visit twice: paid, then denied as a duplicate (CO-18)
        LocalDate received = scenario.dateOfService().plusDays(7);
        ClaimResult paid = billing.submitScenario(user, scenario, key, received, ledger, Disclosure.TEACHING);
        ClaimResult duplicate = billing.submitScenario(user, scenario, key, received, ledger, Disclosure.TEACHING);
        assertThat(paid.status().name()).isEqualTo("PAID");
        assertThat(duplicate.status().name()).isEqualTo("DENIED");

        UI.getCurrent().navigate("billing/ar");
        ArDashboardView dashboard = _get(ArDashboardView.class);
        dashboard.show(user, ledger);
        assertThat(dashboard.kpiValues.get("firstPassRate").getText()).isEqualTo("50.0%");
        assertThat(dashboard.kpiValues.get("denialRate").getText()).isEqualTo("50.0%");
        BigDecimal billed = paid.billed().add(duplicate.billed());
        assertThat(dashboard.kpiValues.get("billed").getText()).isEqualTo(ArDashboardView.money(billed));
        // open = the patient's deductible of the paid claim + the denied duplicate on the worklist
        assertThat(dashboard.kpiValues.get("open").getText())
                .isEqualTo(ArDashboardView.money(paid.patientResponsibility().add(duplicate.billed())));
        // Medicare paid nothing yet: the whole allowed amount went to the open deductible, so no days to pay
        assertThat(paid.paid()).isEqualByComparingTo("0");
        assertThat(dashboard.kpiValues.get("averageDaysToPay").getText()).isEqualTo("n/a");
        assertThat(dashboard.shown.topDenials()).first().satisfies(d -> {
            assertThat(d.reason()).isEqualTo("CO-18");
            assertThat(d.amount()).isEqualByComparingTo(duplicate.billed());
        });
        assertThat(dashboard.content.getElement().getTextRecursively())
                .contains("Benchmark 99%")
                .contains("Export CSV")
                .contains("HFMA");

        // an instructor who does not teach this student sees nothing of the ledger
        logout();
        login("instructor", Role.INSTRUCTOR);
        UI.getCurrent().navigate("teaching/ar");
        ArDashboardView other = _get(CohortArView.class);
        assertThat(other.student.getListDataView().getItems()).doesNotContain(user);
        other.show(user, ledger);
        assertThat(other.shown).isNull();
        assertThat(other.content.getElement().getTextRecursively()).contains("no ledger");
    }
}
