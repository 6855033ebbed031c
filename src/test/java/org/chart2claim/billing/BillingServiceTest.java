package org.chart2claim.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.chart2claim.coding.CodingAnswer;
import org.chart2claim.payer.ClaimResult;
import org.chart2claim.payer.Disclosure;
import org.chart2claim.payer.LineResult;
import org.chart2claim.payer.PayerService;
import org.chart2claim.scenario.Scenario;
import org.chart2claim.scenario.ScenarioLibrary;
import org.chart2claim.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The billing office submits scenario claims with their documentation and the caller's disclosure. */
@IntegrationTest
class BillingServiceTest {
    static final String SCENARIO = "pc-001-dm2-neuropathy";

    @Autowired
    BillingService billing;

    @Autowired
    PayerService payer;

    @Autowired
    ScenarioLibrary library;

    @Test
    void theDocumentationIsStoredWithTheSubmittedClaim() {
        String user = "bill-" + UUID.randomUUID().toString().substring(0, 8);
        Scenario scenario = library.find(SCENARIO).orElseThrow();
        ClaimResult result = billing.submitScenario(
                user, scenario, CodingAnswer.fromKey(scenario.key()), null, "docs", Disclosure.TEACHING);
        long id = payer.recordId(result).orElseThrow();

        assertThat(payer.documentation(id, user)).contains(ScenarioDocumentation.of(scenario));
        assertThat(payer.documentation(id, "somebody-else")).isEmpty();
    }

    @Test
    void anExamDisclosureAnswersWithoutHintsButTheStoredResultKeepsThem() {
        String user = "bill-" + UUID.randomUUID().toString().substring(0, 8);
        Scenario scenario = library.find(SCENARIO).orElseThrow();
        CodingAnswer overcoded = new CodingAnswer(
                List.of("E11.40", "Z79.84"), List.of(new CodingAnswer.Line("99215", List.of(), 1, List.of(1, 2))));
        ClaimResult exam = billing.submitScenario(user, scenario, overcoded, null, "exam", Disclosure.EXAM);
        ClaimResult stored = payer.stored(payer.recordId(exam).orElseThrow(), user)
                .orElseThrow()
                .result();

        assertThat(hints(exam)).isEmpty();
        assertThat(hints(stored)).isNotEmpty();
    }

    private static List<String> hints(ClaimResult result) {
        return result.lines().stream()
                .map(LineResult::adjustments)
                .flatMap(List::stream)
                .map(a -> a.hint())
                .filter(h -> h != null)
                .toList();
    }
}
