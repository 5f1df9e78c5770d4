package io.holdfast.command.freezecase;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The deadlines a case keeps: names, and how long before a warrant's expiry the reminder comes
 * ({@code holdfast.deadlines.warrant-reminder-lead}, 7 days by default).
 */
@ConfigurationProperties("holdfast.deadlines")
public record CaseDeadlines(@DefaultValue("7d") Duration warrantReminderLead) {

    static final String WARRANT_EXPIRY_REMINDER = "warrantExpiryReminder";
    static final String WARRANT_EXPIRY = "warrantExpiry";
    static final String BLOCKING_REPORT_DUE = "blockingReportDue";
    static final int BLOCKING_REPORT_BUSINESS_DAYS = 10;

    public static CaseDeadlines standard() {
        return new CaseDeadlines(Duration.ofDays(7));
    }
}
