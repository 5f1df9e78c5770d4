package io.holdfast.kernel;

/**
 * Why an account was flagged. A sanctions match names the list and the entry; a law-enforcement
 * request names the agency.
 */
public record FlagReason(FlagReasonType type, String list, String listEntryId, AgencyCode agency, String details) {

    public FlagReason {
        Require.present("reason.type", type);
        list = Require.optionalText("reason.list", list, 100);
        listEntryId = Require.optionalText("reason.listEntryId", listEntryId, 100);
        details = Require.optionalText("reason.details", details, 2000);
        if (type == FlagReasonType.SANCTIONS_MATCH) {
            Require.text("reason.list", list, 100);
            Require.text("reason.listEntryId", listEntryId, 100);
        }
        if (type == FlagReasonType.LAW_ENFORCEMENT_REQUEST && agency == null) {
            throw new InvalidValueException("reason.agency", "is required for a law-enforcement request");
        }
    }

    public static FlagReason sanctionsMatch(String list, String listEntryId, String details) {
        return new FlagReason(FlagReasonType.SANCTIONS_MATCH, list, listEntryId, null, details);
    }

    public static FlagReason lawEnforcementRequest(AgencyCode agency, String details) {
        return new FlagReason(FlagReasonType.LAW_ENFORCEMENT_REQUEST, null, null, agency, details);
    }

    public static FlagReason internalInvestigation(String details) {
        return new FlagReason(FlagReasonType.INTERNAL_INVESTIGATION, null, null, null, details);
    }
}
