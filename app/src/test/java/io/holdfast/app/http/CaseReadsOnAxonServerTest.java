package io.holdfast.app.http;

import io.holdfast.app.axonserver.AgainstAxonServer;

/** {@link CaseReadsHttpTest} against a real Axon Server, when one is named (see {@link AgainstAxonServer}). */
@AgainstAxonServer
class CaseReadsOnAxonServerTest extends CaseReadsHttpTest {
}
