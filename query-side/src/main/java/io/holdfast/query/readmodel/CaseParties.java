package io.holdfast.query.readmodel;

import io.holdfast.kernel.AgencyCode;
import io.holdfast.kernel.freezecase.AccountFlagged;
import io.holdfast.kernel.freezecase.CaseEvent;
import io.holdfast.kernel.freezecase.WarrantReceived;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A projection's own table of the agencies party to each case (the flag's agency and every
 * warrant's requesting agency), which its liaison reads filter on. Adding a party twice changes
 * nothing.
 */
public final class CaseParties {

    private final JdbcTemplate jdbc;
    private final String insert;

    /** {@code table} is the projection's party table, with columns {@code case_id} and {@code agency}. */
    public CaseParties(JdbcTemplate jdbc, String table) {
        this.jdbc = jdbc;
        this.insert = "insert into " + table + " (case_id, agency) select ?, ? where not exists " + "(select 1 from "
                + table + " where case_id = ? and agency = ?)";
    }

    /** Records the agencies the events make party to their cases (a flag's agency, a warrant's requesting agency), in one JDBC batch. */
    public void recordFrom(List<CaseEvent> events) {
        List<Object[]> rows = new ArrayList<>();
        for (CaseEvent event : events) {
            AgencyCode agency = agencyNamedBy(event);
            if (agency != null) {
                String caseId = event.caseId().value();
                rows.add(new Object[] {caseId, agency.value(), caseId, agency.value()});
            }
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(insert, rows);
        }
    }

    /**
     * Whether events of this type make an agency party to their case: the one list of them, which the
     * audit trail also asks before it reads an event's payload.
     */
    public static boolean namesParty(Class<?> eventType) {
        return eventType == AccountFlagged.class || eventType == WarrantReceived.class;
    }

    /** The agency an event makes party to its case, or null. */
    public static AgencyCode agencyNamedBy(CaseEvent event) {
        if (!namesParty(event.getClass())) {
            return null;
        }
        if (event instanceof AccountFlagged flagged) {
            return flagged.reason().agency();
        }
        if (event instanceof WarrantReceived received) {
            return received.warrant().requestingAgency();
        }
        return null;
    }
}
