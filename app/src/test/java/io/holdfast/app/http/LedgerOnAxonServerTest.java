package io.holdfast.app.http;

import io.holdfast.app.axonserver.AgainstAxonServer;
import org.springframework.test.context.TestPropertySource;

/** {@link LedgerHttpTest} against a real Axon Server, when one is named (see {@link AgainstAxonServer}). */
@AgainstAxonServer
@TestPropertySource(properties = "holdfast.test.mode=ledger-on-axon-server")
class LedgerOnAxonServerTest extends LedgerHttpTest {}
