package io.holdfast.kernel;

import java.util.Locale;

/**
 * Every rule a case or a sanctions list enforces, by the name a refusal carries (its {@link #id()},
 * such as {@code approverMustNotBeRequester}): in the problem document a client reads, in the
 * {@code policy} tag of the command metrics and in the tables of rules of docs/cases.md and docs/sanctions.md.
 */
public enum Policy {

    // a case (FreezeCase)
    CASE_ID_MUST_BE_UNUSED,
    LIAISON_SEES_ONLY_CASES_OF_ITS_AGENCY,
    COMMAND_MUST_TARGET_CURRENT_VERSION,
    ROLE_MUST_PERMIT,
    LIAISON_FLAGS_ONLY_LAW_ENFORCEMENT_REQUESTS_OF_ITS_AGENCY,
    HOLDFAST_FLAGS_ONLY_ON_A_SANCTIONS_MATCH,
    SCREENING_CASE_IDS_ARE_HOLDFASTS,
    MATCH_MUST_BE_THE_REASONS_LIST_ENTRY,
    LIAISON_RECORDS_WARRANTS_ONLY_FOR_ITS_AGENCY,
    CLOSED_CASE_TAKES_ONLY_NOTES,
    WARRANT_ID_MUST_BE_UNIQUE_IN_CASE,
    FREEZE_REQUEST_ID_MUST_BE_UNIQUE_IN_CASE,
    WARRANT_MUST_NOT_HAVE_EXPIRED,
    WARRANT_MUST_BELONG_TO_CASE,
    WARRANT_MUST_BE_IN_FORCE,
    WARRANT_MUST_COVER_EVERY_ASSET,
    FREEZE_MUST_STAY_WITHIN_WARRANT_MAXIMUM,
    APPROVER_MUST_BE_SUPERVISOR,
    APPROVER_MUST_NOT_BE_REQUESTER,
    ONLY_PENDING_REQUESTS_ARE_DECIDED,
    FREEZE_REQUEST_MUST_EXIST,
    SOMETHING_MUST_BE_FROZEN,
    CANNOT_TAKE_MORE_THAN_IS_FROZEN,
    DISMISSAL_ONLY_WHILE_NOTHING_IS_FROZEN,
    EXTENSION_MUST_MOVE_EXPIRY_LATER,
    OBLIGATION_MUST_EXIST,
    BLOCKING_REPORT_IS_FILED_ONCE,

    // a sanctions list (SanctionsList)
    IMPORTER_MUST_BE_OFFICER_OR_ADMIN,
    PUBLICATION_MUST_NOT_PRECEDE_CURRENT_VERSION,
    A_VERSION_NAMES_AT_LEAST_ONE_ENTRY,
    EACH_ENTRY_IS_LISTED_ONCE,
    EVERY_PART_OF_AN_UPLOAD_MUST_ARRIVE,
    LARGE_REMOVAL_NEEDS_A_SECOND_PERSON,
    CONFIRMER_MUST_BE_SUPERVISOR_OR_ADMIN,
    CONFIRMER_MUST_NOT_BE_IMPORTER,
    HELD_FILE_MUST_BE_THE_ONE_NAMED;

    private final String id;

    Policy() {
        StringBuilder camel = new StringBuilder();
        for (String word : name().split("_")) {
            String lower = word.toLowerCase(Locale.ROOT);
            camel.append(camel.isEmpty() ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1));
        }
        this.id = camel.toString();
    }

    /** The rule's name as refusals, problem documents and metrics carry it. */
    public String id() {
        return id;
    }

    /** Whether a refusal names this rule. */
    public boolean named(String policy) {
        return id.equals(policy);
    }
}
