package org.chart2claim.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OnDemandTest {

    @Test
    void theWorkRunsOnceAndEveryCallerReturnsOnlyWhenItIsDone() throws Exception {
        OnDemand loading = new OnDemand(new Object(), "test work", () -> {});
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Runnable work = () -> {
            runs.incrementAndGet();
            inside.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        Thread first = new Thread(() -> loading.ensure(work));
        first.start();
        inside.await();
        List<Thread> readers = new ArrayList<>();
        List<Boolean> sawDone = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int i = 0; i < 4; i++) {
            Thread reader = new Thread(() -> {
                loading.ensure(work);
                sawDone.add(loading.done());
            });
            reader.start();
            readers.add(reader);
        }
        assertThat(loading.await(Duration.ofMillis(100)))
                .as("not done while the work runs")
                .isFalse();
        assertThat(loading.done()).isFalse();
        release.countDown();
        first.join();
        for (Thread reader : readers) {
            reader.join();
        }
        assertThat(runs).hasValue(1);
        assertThat(sawDone).containsExactly(true, true, true, true);
        assertThat(loading.await(Duration.ZERO)).isTrue();
    }

    @Test
    void aFailedAttemptIsTriedAgainByTheNextCaller() {
        OnDemand loading = new OnDemand(new Object(), "test work", () -> {});
        AtomicInteger attempts = new AtomicInteger();
        Runnable work = () -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("disk not mounted yet");
            }
        };
        assertThatThrownBy(() -> loading.ensure(work)).hasMessage("disk not mounted yet");
        assertThat(loading.done()).isFalse();
        loading.ensure(work);
        assertThat(loading.done()).isTrue();
        assertThat(attempts).hasValue(2);
    }
}
