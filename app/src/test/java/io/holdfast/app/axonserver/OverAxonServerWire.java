package io.holdfast.app.axonserver;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * Runs an HTTP suite with every command, query, answer and refusal crossing Axon Server's wire
 * ({@link AxonServerWire}), in a store of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Import(AxonServerWire.class)
@TestPropertySource(properties = "holdfast.test.mode=over-axon-server-wire")
public @interface OverAxonServerWire {}
