package org.chart2claim.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.chart2claim.config.BackgroundStarter.State;
import org.chart2claim.config.BackgroundStarter.Step;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class BackgroundStarterTest {

    private final List<String> ran = new CopyOnWriteArrayList<>();

    private BackgroundStart step(String name, boolean fails) {
        OnDemand work = new OnDemand(new Object(), name, () -> {
            ran.add(name + " on " + Thread.currentThread().getName());
            if (fails) {
                throw new IllegalStateException("cannot read " + name);
            }
        });
        return () -> work;
    }

    private BackgroundStarter starter(boolean inBackground) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory(new LinkedHashMap<>());
        beans.addBean("books", step("code books", false));
        beans.addBean("scenarios", step("scenario library", true));
        beans.addBean("questions", step("question bank", false));
        return new BackgroundStarter(beans.getBeanProvider(BackgroundStart.class), inBackground);
    }

    @Test
    void afterTheStartEveryStepRunsOnOneBackgroundThreadAndAFailureDoesNotStopTheRest() throws Exception {
        BackgroundStarter starter = starter(true);
        assertThat(starter.steps()).isEmpty();

        starter.onReady();
        starter.onReady(); // a second ready event starts nothing more

        assertThat(starter.awaitFinished(10, TimeUnit.SECONDS)).isTrue();
        assertThat(ran)
                .containsExactly(
                        "code books on background-start",
                        "scenario library on background-start",
                        "question bank on background-start");
        assertThat(starter.steps())
                .extracting(Step::name, Step::state)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("code books", State.DONE),
                        org.assertj.core.groups.Tuple.tuple("scenario library", State.FAILED),
                        org.assertj.core.groups.Tuple.tuple("question bank", State.DONE));
        assertThat(starter.steps().get(1).error()).isEqualTo("cannot read scenario library");
    }

    @Test
    void withTheBackgroundStartOffTheStepsRunBeforeTheApplicationCountsAsReady() {
        BackgroundStarter starter = starter(false);
        starter.onReady();
        assertThat(starter.finished()).isTrue();
        assertThat(ran).hasSize(3).allSatisfy(line -> assertThat(line).doesNotContain("background-start"));
    }

    @Test
    void aShutdownDuringTheStartSkipsTheRemainingSteps() {
        BackgroundStarter starter = starter(false);
        starter.onClose();
        starter.onReady();
        assertThat(ran).isEmpty();
        assertThat(starter.finished()).isTrue();
    }
}
