package org.chart2claim.appeal.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.chart2claim.account.AccountService;
import org.chart2claim.account.Cohort;
import org.chart2claim.account.CohortService;
import org.chart2claim.account.Role;
import org.chart2claim.appeal.ActionAnswer;
import org.chart2claim.appeal.ActionRequest;
import org.chart2claim.appeal.AppealService;
import org.chart2claim.appeal.decision.Outcome;
import org.chart2claim.billing.clock.LedgerClockService;
import org.chart2claim.support.IntegrationTest;
import org.chart2claim.support.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Role-play: the instructor decides a trainee's appeal as the payer, and the trainee reads the decision. */
class AppealReviewViewTest extends KaribuTest {
    @Autowired
    AppealService appeals;

    @Autowired
    CohortService cohorts;

    @Autowired
    AccountService accounts;

    @Autowired
    LedgerClockService clock;

    @Test
    void theInstructorDecidesALetterFromTheReviewQueueAndTheTraineeSeesIt() {
        String trainee = "rp-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(trainee, "Role Player", IntegrationTest.DEMO_PASSWORD, EnumSet.of(Role.STUDENT));
        Cohort cohort = cohorts.create("Role-play " + trainee, "appeal role-play", "instructor");
        cohorts.enrol(cohort.getId(), trainee);

        login("instructor", Role.INSTRUCTOR);
        UI.getCurrent().navigate("appeals/review");
        AppealReviewView review = _get(AppealReviewView.class);
        review.cohortSwitches.stream()
                .filter(c -> c.getId().orElse("").equals("role-play-" + cohort.getId()))
                .findFirst()
                .orElseThrow()
                .setValue(true);
        assertThat(appeals.rolePlayFor(trainee)).isTrue();

        String ledger = "rp-" + UUID.randomUUID();
        AppealService.DrillStart started = appeals.startDrill(trainee, "auth-not-linked-lap-chole", ledger);
        long itemId = started.items().stream()
                .filter(i -> i.row().line() == 1)
                .findFirst()
                .orElseThrow()
                .id();
        ActionAnswer filed = appeals.act(
                trainee,
                itemId,
                new ActionRequest(
                        "APPEAL",
                        null,
                        new ActionRequest.LetterBody(
                                "CO-197 applied in error",
                                "Authorization PA-26-0418832 was approved for this member and 47562 before surgery.",
                                List.of("authorization"),
                                "Reprocess and pay line 1",
                                null),
                        null,
                        null,
                        null));
        assertThat(filed.explanation()).contains("instructor");
        // in role-play the clock does not decide: the letter waits for the instructor
        assertThat(clock.advanceDays(trainee, ledger, 90).events()).isEmpty();

        UI.getCurrent().navigate("appeals/review");
        review = _get(AppealReviewView.class);
        AppealReviewView.CaseForm form = review.cases.stream()
                .filter(c -> c.reviewCase.item().id() == itemId)
                .findFirst()
                .orElseThrow();
        assertThat(form.suggestion.getText()).contains("OVERTURNED");
        review.examMode.setValue(true);
        assertThat(form.suggestion.isVisible()).isFalse();
        form.outcome.setValue(Outcome.UPHELD);
        form.decide.click();
        assertThat(review.getElement().getTextRecursively()).contains("Write the reason");
        form.reason.setValue("The approval letter enclosed is for a different date of service.");
        form.decide.click();
        assertThat(review.cases).noneMatch(c -> c.reviewCase.item().id() == itemId);

        login(trainee, Role.STUDENT);
        UI.getCurrent().navigate(WorkItemView.class, itemId);
        WorkItemView item = _get(WorkItemView.class);
        assertThat(item.status.getText()).isEqualTo("upheld at level 1");
        assertThat(item.getElement().getTextRecursively())
                .contains("Decision: upheld")
                .contains("different date of service")
                .contains("reviewer instructor");
        // the next level is open to the trainee
        assertThat(item.getElement().getTextRecursively()).contains("Second-level internal appeal");

        login("instructor", Role.INSTRUCTOR);
        appeals.setRolePlay("instructor", false, cohort.getId(), false);
        assertThat(appeals.rolePlayFor(trainee)).isFalse();
    }
}
