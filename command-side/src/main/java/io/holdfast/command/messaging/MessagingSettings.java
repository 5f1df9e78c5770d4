package io.holdfast.command.messaging;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The largest message Axon Server takes ({@code holdfast.messaging.max-message-size}, its own limit
 * and the connector's, 4 MB unless both are raised): a list file whose entries do not fit in one
 * message is sent in parts of half this.
 */
@ConfigurationProperties("holdfast.messaging")
public record MessagingSettings(@DefaultValue("4MB") DataSize maxMessageSize) {}
