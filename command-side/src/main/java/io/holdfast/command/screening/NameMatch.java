package io.holdfast.command.screening;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An account holder whose name resembles a listed name: listed for a person to review, never
 * flagged by Holdfast, because names are shared by many people who are not the one designated.
 */
public record NameMatch(
        String accountId,
        String holderName,
        String list,
        String entryUid,
        String listedName,
        BigDecimal score,
        String runId,
        Instant foundAt) {}
