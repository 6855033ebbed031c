package org.chart2claim.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.chart2claim.claim.Claim;
import org.chart2claim.claim.practice.Practice;
import org.chart2claim.claim.practice.PracticeAddress;
import org.chart2claim.codebook.CodeBookLoader;
import org.chart2claim.codebook.CodeBooks;
import org.chart2claim.codebook.CodeLookup;
import org.chart2claim.coding.CodingAnswer;
import org.chart2claim.payer.AdjudicationRequest;
import org.chart2claim.payer.Adjudicator;
import org.chart2claim.payer.ClaimResult;
import org.chart2claim.payer.ClaimStatus;
import org.chart2claim.payer.GroupCode;
import org.chart2claim.payer.PayerFixtures;
import org.chart2claim.payer.data.PayerRules;
import org.chart2claim.scenario.Scenario;
import org.chart2claim.scenario.ScenarioLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The payer data and the scenario library agree: every scenario patient is an enrolled member, and a
 * claim built from a scenario's answer key passes the front end and is paid without a denial (so every
 * denial a learner meets comes from a coding or billing error, not from inconsistent data).
 */
class ShippedScenarioClaimsTest {
    static CodeLookup codes;
    static List<Scenario> scenarios;
    static PayerRules rules = PayerFixtures.rules();
    static Practice practice = Practice.load(Path.of("codebooks"));

    @BeforeAll
    static void load() throws Exception {
        Path root = Path.of("codebooks");
        List<CodeBookLoader.Source> sources = new ArrayList<>();
        for (String line : Files.readAllLines(root.resolve("codebooks.txt"))) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                sources.add(new CodeBookLoader.Source(name, Files.readString(root.resolve(name))));
            }
        }
        codes = CodeBooks.of(CodeBookLoader.load(sources));
        scenarios = new ScenarioLoader(codes).loadFolder(Path.of("scenarios")).scenarios();
    }

    static Claim keyClaim(Scenario s) {
        PracticeAddress address = practice.address(s.billingProvider().npi()).orElseThrow();
        return ScenarioClaims.build(
                s,
                CodingAnswer.fromKey(s.key()),
                "KEY-" + s.id().substring(0, Math.min(14, s.id().length())),
                practice::charge,
                address.address(),
                address.phone());
    }

    @Test
    void everyScenarioPatientIsAMemberCoveredOnTheDateOfService() {
        assertThat(scenarios.isEmpty()).isFalse();
        for (Scenario s : scenarios) {
            var member = rules.member(s.payer().id(), s.patient().memberId());
            assertThat(member.isPresent())
                    .as(s.id() + ": no member " + s.patient().memberId() + " at "
                            + s.payer().id())
                    .isTrue();
            assertThat(member.get().coveredOn(s.dateOfService()))
                    .as(s.id() + ": member not covered on the date of service")
                    .isTrue();
        }
    }

    @Test
    void theAnswerKeyClaimIsPaidWithoutDenial() {
        Adjudicator adjudicator = new Adjudicator(rules, codes);
        List<String> problems = new ArrayList<>();
        for (Scenario s : scenarios) {
            ClaimResult r = adjudicator.adjudicate(
                    new AdjudicationRequest(
                            keyClaim(s),
                            List.of(),
                            s.dateOfService().plusDays(7),
                            List.of(),
                            ScenarioDocumentation.of(s),
                            "KEY"),
                    PayerFixtures.TODAY);
            if (r.status() != ClaimStatus.PAID) {
                problems.add(s.id() + " " + r.status() + " " + r.rejections() + " "
                        + r.lines().stream()
                                .flatMap(l -> l.adjustments().stream()
                                        .filter(a -> a.group() == GroupCode.CO
                                                && !a.carc().equals("45"))
                                        .map(a -> "line " + l.line() + " " + l.code() + " " + a.label() + " "
                                                + a.explanation()))
                                .toList());
            }
        }
        assertThat(problems).isEqualTo(List.of());
    }
}
