package io.holdfast.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.kernel.audit.AuditEntry;
import io.holdfast.kernel.audit.StreamAuditEvents;
import io.holdfast.query.ReadModelDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** An export reads the trail a page at a time, only as fast as its reader consumes: memory stays bounded. */
class AuditExportStreamingTest {

    private static final long ROWS = 1_000_000;

    /** A trail of a million rows that exist only while they are read. */
    private final AtomicInteger pagesRead = new AtomicInteger();

    private final AuditRepository millionRows = new AuditRepository(ReadModelDatabase.fresh()) {
        @Override
        List<AuditEntry> after(long after, Instant from, Instant to, int limit) {
            pagesRead.incrementAndGet();
            List<AuditEntry> page = new ArrayList<>();
            for (long index = after + 1; index < Math.min(after + 1 + limit, ROWS); index++) {
                page.add(new AuditEntry(
                        "CASE-" + index / 100,
                        index % 100,
                        index,
                        "e" + index,
                        "NoteAdded",
                        "t",
                        null,
                        "2026-01-01T00:00:00Z",
                        "officer",
                        "OFFICER",
                        null,
                        null,
                        "{}",
                        "{}",
                        AuditChain.GENESIS,
                        AuditChain.GENESIS,
                        null));
            }
            return page;
        }
    };
    private final AuditQueries queries = new AuditQueries(millionRows, null, null, Duration.ofSeconds(30));

    @Test
    void pagesAreReadOnlyAsTheReaderAsksForRows() {
        Flux<AuditEntry> export = queries.handle(new StreamAuditEvents(null, null));
        StepVerifier.create(export, 0)
                .thenRequest(10)
                .expectNextCount(10)
                .then(() -> assertThat(pagesRead.get()).isEqualTo(1))
                .thenRequest(1_000)
                .expectNextCount(1_000)
                .then(() -> assertThat(pagesRead.get()).isLessThanOrEqualTo(4))
                .thenCancel()
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void theWholeRangeArrivesInGlobalOrder() {
        AtomicInteger seen = new AtomicInteger();
        long last = queries.handle(new StreamAuditEvents(null, null))
                .doOnNext(entry -> assertThat(entry.globalIndex()).isEqualTo(seen.getAndIncrement()))
                .map(AuditEntry::globalIndex)
                .blockLast(Duration.ofSeconds(60));
        assertThat(last).isEqualTo(ROWS - 1);
        assertThat(pagesRead.get()).isEqualTo(2_001);
    }
}
