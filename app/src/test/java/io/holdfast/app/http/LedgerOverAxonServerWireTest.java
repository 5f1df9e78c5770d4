package io.holdfast.app.http;

import io.holdfast.app.axonserver.OverAxonServerWire;
import org.springframework.test.context.TestPropertySource;

/** {@link LedgerHttpTest} with the case, its history and every refusal crossing Axon Server's wire. */
@OverAxonServerWire
@TestPropertySource(properties = "holdfast.test.mode=ledger-over-axon-server-wire")
class LedgerOverAxonServerWireTest extends LedgerHttpTest {}
