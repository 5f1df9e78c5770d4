package io.holdfast.command.sanctions;

import io.holdfast.kernel.InvalidValueException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How list imports are guarded ({@code holdfast.sanctions.*}): a file that would remove more than
 * {@code confirmRemovalsAbove} (a share, 0.05 for 5 %) of the current version's entries or of its
 * addresses is held until a second person confirms it.
 */
@ConfigurationProperties("holdfast.sanctions")
public record ListImportSettings(@DefaultValue("0.05") double confirmRemovalsAbove) {

    public ListImportSettings {
        if (!(confirmRemovalsAbove >= 0 && confirmRemovalsAbove <= 1)) {
            throw new InvalidValueException(
                    "holdfast.sanctions.confirm-removals-above", "must be a share from 0 to 1, such as 0.05 for 5 %");
        }
    }
}
