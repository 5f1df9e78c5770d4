package io.holdfast.command.freezecase.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.holdfast.kernel.freezecase.CaseVersion;

/** The answer to an accepted write: the case, the id of what was created if anything, the new version. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record WriteAnswer(String caseId, String warrantId, String requestId, long version) {

    static WriteAnswer of(CaseVersion version) {
        return new WriteAnswer(version.caseId().value(), null, null, version.version());
    }

    static WriteAnswer ofWarrant(CaseVersion version, String warrantId) {
        return new WriteAnswer(version.caseId().value(), warrantId, null, version.version());
    }

    static WriteAnswer ofRequest(CaseVersion version, String requestId) {
        return new WriteAnswer(version.caseId().value(), null, requestId, version.version());
    }
}
