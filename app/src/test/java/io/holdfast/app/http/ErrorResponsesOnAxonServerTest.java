package io.holdfast.app.http;

import io.holdfast.app.axonserver.AgainstAxonServer;

/** {@link ErrorResponsesHttpTest} against a real Axon Server, when one is named (see {@link AgainstAxonServer}). */
@AgainstAxonServer
class ErrorResponsesOnAxonServerTest extends ErrorResponsesHttpTest {
}
