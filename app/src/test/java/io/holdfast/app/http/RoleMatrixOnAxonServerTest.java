package io.holdfast.app.http;

import io.holdfast.app.axonserver.AgainstAxonServer;

/** {@link RoleMatrixHttpTest} against a real Axon Server, when one is named (see {@link AgainstAxonServer}). */
@AgainstAxonServer
class RoleMatrixOnAxonServerTest extends RoleMatrixHttpTest {
}
