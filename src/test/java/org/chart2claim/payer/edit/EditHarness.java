package org.chart2claim.payer.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.chart2claim.claim.Claim;
import org.chart2claim.payer.AdjudicationRequest;
import org.chart2claim.payer.Adjustment;
import org.chart2claim.payer.PayerFixtures;
import org.chart2claim.payer.data.Member;
import org.chart2claim.payer.data.Payer;
import org.chart2claim.payer.data.PayerRules;

/** Runs one edit alone on a claim, as the registry would, so each edit is tested in isolation. */
final class EditHarness {
    static AdjudicationContext run(ClaimEdit edit, Claim claim) {
        return run(edit, PayerFixtures.request(claim));
    }

    static AdjudicationContext run(ClaimEdit edit, AdjudicationRequest request) {
        PayerRules rules = PayerFixtures.rules();
        Payer payer = rules.payer(request.claim().payerId()).orElseThrow();
        Member member =
                rules.member(payer.id(), request.claim().insured().memberId()).orElse(null);
        AdjudicationContext ctx = new AdjudicationContext(request, payer, member, rules, PayerFixtures.codes());
        edit.apply(ctx);
        return ctx;
    }

    /** Asserts line {@code n} (1-based) was denied with group-CARC {@code label} by {@code edit}; returns the adjustment. */
    static Adjustment assertDenied(AdjudicationContext ctx, int n, String label, ClaimEdit edit) {
        LineState line = ctx.lines().get(n - 1);
        assertThat(line.denied()).as("line " + n + " should be denied").isTrue();
        Adjustment a = line.adjustments().getLast();
        assertThat(a.label()).isEqualTo(label);
        assertThat(a.edit()).isEqualTo(edit.name());
        assertThat(a.amount().compareTo(line.line().charge()))
                .as("a denial adjusts the whole charge")
                .isEqualTo(0);
        assertThat(a.explanation().isBlank())
                .as("every adjustment explains itself")
                .isFalse();
        return a;
    }

    static void assertUntouched(AdjudicationContext ctx) {
        for (LineState l : ctx.lines()) {
            assertThat(l.denied())
                    .as("line " + l.number() + " should not be denied: " + l.adjustments())
                    .isFalse();
            assertThat(l.adjustments()).isEqualTo(List.of());
        }
    }

    private EditHarness() {}
}
