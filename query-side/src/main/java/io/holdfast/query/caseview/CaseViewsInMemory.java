package io.holdfast.query.caseview;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.caseview.CaseView;
import io.holdfast.query.http.ReadSettings;
import io.holdfast.query.performance.SegmentClaimsListener;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The case views this node's projection has lately written, so that a read soon after a change is
 * answered without a round trip to the database (on PostgreSQL under load, a round trip waits for
 * a core). A view is kept only as this node's tracking processor committed it under its claim on
 * the case's segment, and only while this node's claims stay as they were: when another node could
 * have written a newer one (a segment claimed, released, or found taken), everything kept is
 * forgotten and reads go to the database again. What stays is kept at most {@code keep-for},
 * which bounds how stale a read could be if this node's projection stalled long enough for another
 * node to take its segment unnoticed (by default the claim time-out itself, 10 s).
 */
@Component
class CaseViewsInMemory implements SegmentClaimsListener {

    private static final Logger log = LoggerFactory.getLogger(CaseViewsInMemory.class);

    private final Cache<CaseId, CaseView> views;

    @Autowired
    CaseViewsInMemory(
            ReadSettings reads, @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration claimTimeout) {
        this(reads.caseViewsInMemory().maxCases(), keepFor(reads, claimTimeout), Ticker.systemTicker());
        keptLongerThanClaims(keepFor(reads, claimTimeout), claimTimeout).ifPresent(log::warn);
    }

    private static Duration keepFor(ReadSettings reads, Duration claimTimeout) {
        Duration keepFor = reads.caseViewsInMemory().keepFor();
        return keepFor == null ? claimTimeout : keepFor;
    }

    CaseViewsInMemory(long maximumCases, Duration keepFor, Ticker ticker) {
        this.views = Caffeine.newBuilder()
                .maximumSize(maximumCases)
                .expireAfterWrite(keepFor)
                .ticker(ticker)
                .build();
    }

    Optional<CaseView> find(CaseId caseId) {
        return Optional.ofNullable(views.getIfPresent(caseId));
    }

    /** A view this node's projection has committed. */
    void remember(CaseView view) {
        views.put(view.caseId(), view);
    }

    void forgetAll() {
        views.invalidateAll();
    }

    @Override
    public void claimsChanged(String projection) {
        if (CaseViewProjection.PROCESSING_GROUP.equals(projection)) {
            forgetAll();
        }
    }

    /** In words for the operator, when a view could be kept longer than a stalled node takes to lose its segment. */
    static Optional<String> keptLongerThanClaims(Duration keepFor, Duration claimTimeout) {
        if (keepFor.compareTo(claimTimeout) <= 0) {
            return Optional.empty();
        }
        return Optional.of(String.format(
                "Case views are kept in memory for %s, longer than the claim time-out of %s: a "
                        + "node whose projection stalled could answer a case view up to %s behind another node's. Set "
                        + "holdfast.reads.case-views-in-memory.keep-for to %s or less.",
                setting(keepFor), setting(claimTimeout), setting(keepFor), setting(claimTimeout)));
    }

    /** As it is written in Holdfast's settings. */
    private static String setting(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }

    long size() {
        views.cleanUp();
        return views.estimatedSize();
    }
}
