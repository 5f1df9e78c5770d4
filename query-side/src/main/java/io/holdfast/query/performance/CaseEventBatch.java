package io.holdfast.query.performance;

import io.holdfast.kernel.freezecase.CaseEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The case events of one processor batch, in order, and the cases they touch: what a projection reads once and writes once. */
public abstract class CaseEventBatch implements BatchedWrites.Batch {

    /** One event of the batch, with its sequence number in its case and when it happened. */
    public record Applied(CaseEvent event, long sequence, Instant at) {

        public String caseId() {
            return event.caseId().value();
        }
    }

    private final List<Applied> events = new ArrayList<>();
    private final Set<String> cases = new LinkedHashSet<>();

    public void add(CaseEvent event, long sequence, Instant at) {
        events.add(new Applied(event, sequence, at));
        cases.add(event.caseId().value());
    }

    protected List<Applied> events() {
        return events;
    }

    protected Set<String> cases() {
        return cases;
    }
}
