package io.holdfast.app.request;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** An {@code Idempotency-Key}'s first answer is kept for {@code retention} ({@code holdfast.idempotency.*}). */
@ConfigurationProperties("holdfast.idempotency")
public record IdempotencySettings(@DefaultValue("24h") Duration retention) {}
