package io.holdfast.kernel;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * A positive amount of one asset. Amounts are exact decimals, never floating point, and travel as
 * decimal strings ({@code "1250.5"}).
 */
public record AssetAmount(
        String asset,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount) {

    public static final String ASSET_CODE_PATTERN = "[A-Z0-9]{2,15}";
    static final Pattern ASSET_CODE = Pattern.compile(ASSET_CODE_PATTERN);
    /** More decimals than any chain uses (ETH has 18). */
    static final int MAX_DECIMALS = 18;
    /** Digits before the decimal point; far above any real holding, small enough to rule out 1e999999. */
    static final int MAX_INTEGER_DIGITS = 30;

    public AssetAmount {
        asset = assetCode("asset", asset);
        amount = positiveAmount("amount", amount);
    }

    public static AssetAmount of(String asset, String amount) {
        return new AssetAmount(asset, new BigDecimal(amount));
    }

    static String assetCode(String field, String asset) {
        Require.present(field, asset);
        if (!ASSET_CODE.matcher(asset).matches()) {
            throw new InvalidValueException(
                    field, "must be an upper-case asset code of 2 to 15 letters or digits, like BTC or USDT");
        }
        return asset;
    }

    static BigDecimal positiveAmount(String field, BigDecimal amount) {
        Require.present(field, amount);
        if (amount.signum() <= 0) {
            throw new InvalidValueException(field, "must be greater than zero");
        }
        if (amount.scale() > MAX_DECIMALS) {
            throw new InvalidValueException(field, "must have at most " + MAX_DECIMALS + " decimal places");
        }
        if (amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
            throw new InvalidValueException(
                    field, "must have at most " + MAX_INTEGER_DIGITS + " digits before the decimal point");
        }
        return amount;
    }
}
