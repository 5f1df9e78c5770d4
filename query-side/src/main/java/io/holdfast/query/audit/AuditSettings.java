package io.holdfast.query.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** An event the audit trail lacks for longer than {@code lagTolerance} makes verification fail ({@code holdfast.audit.*}). */
@ConfigurationProperties("holdfast.audit")
public record AuditSettings(@DefaultValue("30s") Duration lagTolerance) {}
