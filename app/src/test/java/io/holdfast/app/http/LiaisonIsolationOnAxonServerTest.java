package io.holdfast.app.http;

import io.holdfast.app.axonserver.AgainstAxonServer;

/** {@link LiaisonIsolationHttpTest} against a real Axon Server, when one is named (see {@link AgainstAxonServer}). */
@AgainstAxonServer
class LiaisonIsolationOnAxonServerTest extends LiaisonIsolationHttpTest {
}
