package io.holdfast.command.screening;

import io.holdfast.kernel.AccountId;
import io.holdfast.kernel.CaseId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The case screening opens for an account and a list entry has an id derived from the two, so
 * screening again, on any node, after any restart, finds that case instead of opening another.
 * Ids with this prefix are Holdfast's: people choose other ones.
 */
public final class ScreeningCaseIds {

    public static final String PREFIX = "screening-";

    private ScreeningCaseIds() {}

    public static CaseId caseIdFor(String list, String entryUid, AccountId account) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((list + "\n" + entryUid + "\n" + account.value()).getBytes(StandardCharsets.UTF_8));
            return CaseId.of(PREFIX + HexFormat.of().formatHex(digest, 0, 16));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    public static boolean isScreeningCase(CaseId caseId) {
        return caseId.value().startsWith(PREFIX);
    }
}
