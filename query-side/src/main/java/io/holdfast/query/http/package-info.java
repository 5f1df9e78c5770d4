/**
 * How the read side answers over HTTP: request parameters read and refused by name, reads that
 * wait for a version without holding a server thread, and the warning of an answer that is older
 * than the version asked for.
 */
package io.holdfast.query.http;
