package io.holdfast.query.readmodel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** What about a case needs a person's attention, as views and summaries show it. */
public final class Attention {

    /** The case holds frozen assets and every warrant they were frozen under has expired. */
    public static final String WARRANT_EXPIRED = "WARRANT_EXPIRED";
    /** A blocking report is overdue and still not filed. */
    public static final String BLOCKING_REPORT_OVERDUE = "BLOCKING_REPORT_OVERDUE";

    private Attention() {
    }

    public static List<String> of(boolean holdsFrozenAssets, Collection<String> freezingWarrants,
                                  Collection<String> expiredWarrants, Collection<String> overdueObligations) {
        List<String> attention = new ArrayList<>();
        if (holdsFrozenAssets && !freezingWarrants.isEmpty() && expiredWarrants.containsAll(freezingWarrants)) {
            attention.add(WARRANT_EXPIRED);
        }
        if (!overdueObligations.isEmpty()) {
            attention.add(BLOCKING_REPORT_OVERDUE);
        }
        return attention;
    }
}
