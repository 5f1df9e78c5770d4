package io.holdfast.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void aPageNotAskedForIsTheFirstOfTwenty() {
        assertThat(PageRequest.parse(null, " ")).isEqualTo(new PageRequest(0, 20));
        assertThat(PageRequest.parse("3", "50").offset()).isEqualTo(150);
    }

    @Test
    void eachPartIsAWholeNumberWithinItsRangeAndARefusalNamesIt() {
        assertThatThrownBy(() -> PageRequest.parse("x", null))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("page");
                    assertThat(e.rule()).isEqualTo("must be a whole number");
                });
        assertThatThrownBy(() -> PageRequest.parse(null, "201"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("size"));
        assertThatThrownBy(() -> PageRequest.parse("-1", null))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("page"));
    }
}
