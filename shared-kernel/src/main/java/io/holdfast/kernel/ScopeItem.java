package io.holdfast.kernel;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;

/** One asset a warrant covers, with the most that may be frozen under it ({@code null}: no limit). */
public record ScopeItem(
        String asset,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal maxAmount) {

    public ScopeItem {
        asset = AssetAmount.assetCode("scope.asset", asset);
        if (maxAmount != null) {
            maxAmount = AssetAmount.positiveAmount("scope.maxAmount", maxAmount);
        }
    }

    public static ScopeItem unlimited(String asset) {
        return new ScopeItem(asset, null);
    }

    public static ScopeItem upTo(String asset, String maxAmount) {
        return new ScopeItem(asset, new BigDecimal(maxAmount));
    }

    public boolean isLimited() {
        return maxAmount != null;
    }
}
