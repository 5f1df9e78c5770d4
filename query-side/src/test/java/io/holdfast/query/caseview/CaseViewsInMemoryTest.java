package io.holdfast.query.caseview;

import static io.holdfast.query.CaseEvents.ACCOUNT;
import static io.holdfast.query.CaseEvents.CASE;
import static io.holdfast.query.CaseEvents.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.CaseStatus;
import io.holdfast.kernel.caseview.CaseView;
import io.holdfast.query.http.ReadSettings;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class CaseViewsInMemoryTest {

    private final AtomicLong nanos = new AtomicLong();
    private final Ticker clock = nanos::get;
    private final CaseViewsInMemory inMemory = new CaseViewsInMemory(3, Duration.ofSeconds(10), clock);

    @Test
    void aViewIsKeptForAsLongAsConfiguredAndNoLonger() {
        inMemory.remember(view(CASE, 4));

        nanos.addAndGet(Duration.ofSeconds(9).toNanos());
        assertThat(inMemory.find(CASE)).get().extracting(CaseView::version).isEqualTo(4L);
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(inMemory.find(CASE)).isEmpty();
    }

    @Test
    void aChangeInTheCaseViewProjectionsClaimsForgetsEveryView() {
        inMemory.remember(view(CASE, 1));
        inMemory.remember(view(CaseId.of("CASE-2"), 1));

        inMemory.claimsChanged(CaseViewProjection.PROCESSING_GROUP);

        assertThat(inMemory.find(CASE)).isEmpty();
        assertThat(inMemory.find(CaseId.of("CASE-2"))).isEmpty();
    }

    @Test
    void anotherProjectionsClaimsLeaveTheViewsKept() {
        inMemory.remember(view(CASE, 1));

        inMemory.claimsChanged("audit-trail");

        assertThat(inMemory.find(CASE)).isPresent();
    }

    @Test
    void noMoreViewsAreKeptThanConfigured() {
        for (int i = 0; i < 50; i++) {
            inMemory.remember(view(CaseId.of("CASE-" + i), 0));
        }

        assertThat(inMemory.size()).isLessThanOrEqualTo(3);
    }

    @Test
    void keepingViewsLongerThanTheClaimTimeOutIsNamedWithTheSettingThatMendsIt() {
        assertThat(CaseViewsInMemory.keptLongerThanClaims(Duration.ofSeconds(10), Duration.ofSeconds(10)))
                .isEmpty();
        assertThat(CaseViewsInMemory.keptLongerThanClaims(Duration.ofSeconds(5), Duration.ofSeconds(10)))
                .isEmpty();
        assertThat(CaseViewsInMemory.keptLongerThanClaims(Duration.ofMillis(10_500), Duration.ofSeconds(10)))
                .hasValueSatisfying(warning -> assertThat(warning).contains("for 10500ms"));
        assertThat(CaseViewsInMemory.keptLongerThanClaims(Duration.ofSeconds(30), Duration.ofSeconds(10)))
                .hasValueSatisfying(warning -> assertThat(warning)
                        .contains("kept in memory for 30s, longer than the claim time-out of 10s")
                        .contains("holdfast.reads.case-views-in-memory.keep-for to 10s or less"));
    }

    @Test
    void unsetTheTimeAViewIsKeptIsTheClaimTimeOut() {
        new ApplicationContextRunner()
                .withInitializer(context ->
                        context.getBeanFactory().setConversionService(ApplicationConversionService.getSharedInstance()))
                .withPropertyValues("axon.eventhandling.tokenstore.claim-timeout=200ms")
                .withUserConfiguration(ReadSettingsBound.class)
                .withBean(CaseViewsInMemory.class)
                .run(context -> {
                    CaseViewsInMemory configured = context.getBean(CaseViewsInMemory.class);
                    configured.remember(view(CASE, 1));
                    Thread.sleep(400);
                    assertThat(configured.find(CASE)).isEmpty();
                });
    }

    @org.springframework.boot.context.properties.EnableConfigurationProperties(ReadSettings.class)
    static class ReadSettingsBound {}

    private static CaseView view(CaseId caseId, long version) {
        return new CaseView(
                caseId,
                ACCOUNT,
                CaseStatus.FLAGGED,
                version,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                T0,
                T0,
                null);
    }
}
