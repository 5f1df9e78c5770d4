package io.holdfast.app.http;

import io.holdfast.app.axonserver.AgainstAxonServer;

/** {@link AuditTrailHttpTest} against a real Axon Server, when one is named (see {@link AgainstAxonServer}). */
@AgainstAxonServer
class AuditTrailOnAxonServerTest extends AuditTrailHttpTest {
}
