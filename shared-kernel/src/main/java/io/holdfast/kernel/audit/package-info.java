/** Queries about the audit trail: every case's hash-chained history, its verification, exports. */
package io.holdfast.kernel.audit;
