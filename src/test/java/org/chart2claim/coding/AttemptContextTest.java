package org.chart2claim.coding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.chart2claim.scenario.ScenarioLibrary;
import org.chart2claim.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Attempts belong to practice or to one exam sitting: drafts and histories are kept apart per context. */
@IntegrationTest
class AttemptContextTest {
    static final String SCENARIO = "pc-001-dm2-neuropathy";

    @Autowired
    AttemptService attempts;

    @Autowired
    ScenarioLibrary library;

    @Test
    void twoSittingsAndPracticeKeepSeparateDraftsAndAttemptsOfOneScenario() {
        String learner = "ctx-" + UUID.randomUUID().toString().substring(0, 8);
        AttemptContext morning = AttemptContext.examSitting("exam-7-morning");
        AttemptContext retake = AttemptContext.examSitting("exam-7-retake");
        CodingAnswer key =
                CodingAnswer.fromKey(library.find(SCENARIO).orElseThrow().key());
        CodingAnswer wrong = new CodingAnswer(List.of("E11.9"), List.of());

        attempts.saveDraft(learner, morning, SCENARIO, wrong);
        assertThat(attempts.draft(learner, SCENARIO)).as("practice draft").isEmpty();
        assertThat(attempts.draft(learner, morning, SCENARIO)).contains(wrong);

        attempts.submit(learner, morning, SCENARIO, key);
        attempts.submit(learner, retake, SCENARIO, wrong);
        attempts.submit(learner, retake, SCENARIO, key);
        attempts.submit(learner, SCENARIO, wrong);

        assertThat(attempts.draft(learner, morning, SCENARIO))
                .as("the draft became the attempt")
                .isEmpty();
        assertThat(attempts.history(learner, morning))
                .extracting(a -> a.score())
                .containsExactly(100);
        assertThat(attempts.history(learner, retake)).hasSize(2);
        assertThat(attempts.history(learner)).as("practice history only").hasSize(1);
        assertThat(attempts.countedScores(learner).get(SCENARIO))
                .as("the practice attempt counts, not the sittings'")
                .isLessThan(100);
        assertThat(attempts.history(learner, retake))
                .extracting(a -> a.afterKey())
                .as("within a sitting, only the first attempt counts")
                .containsExactly(false, true);
    }

    @Test
    void theStoredFormReadsBack() {
        assertThat(AttemptContext.of("practice")).isEqualTo(AttemptContext.PRACTICE);
        assertThat(AttemptContext.of(AttemptContext.examSitting("s-1").key()))
                .isEqualTo(AttemptContext.examSitting("s-1"));
        assertThatThrownBy(() -> AttemptContext.examSitting("no spaces")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AttemptContext.of("homework")).isInstanceOf(IllegalArgumentException.class);
    }
}
