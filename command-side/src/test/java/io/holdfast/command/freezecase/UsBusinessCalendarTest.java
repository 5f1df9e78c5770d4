package io.holdfast.command.freezecase;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class UsBusinessCalendarTest {

    @Test
    void thanksgivingIsNoBusinessDayButTheFridayAfterIs() {
        assertThat(UsBusinessCalendar.isBusinessDay(LocalDate.of(2026, 11, 26))).isFalse();
        assertThat(UsBusinessCalendar.isBusinessDay(LocalDate.of(2026, 11, 27))).isTrue();
        // a freeze on the Wednesday before Thanksgiving: Nov 27, 30, Dec 1, 2, 3, 4, 7, 8, 9, 10
        assertThat(UsBusinessCalendar.plusBusinessDays(LocalDate.of(2026, 11, 25), 10))
                .isEqualTo(LocalDate.of(2026, 12, 10));
    }

    @Test
    void christmasAndNewYearAcrossTheTurnOfTheYear() {
        // Dec 22, 23, 24, 28, 29, 30, 31 (Christmas on a Friday, then a weekend), Jan 1 2027 a Friday, Jan 4, 5, 6
        assertThat(UsBusinessCalendar.plusBusinessDays(LocalDate.of(2026, 12, 21), 10))
                .isEqualTo(LocalDate.of(2027, 1, 6));
    }

    @Test
    void aWeekendIsSkipped() {
        assertThat(UsBusinessCalendar.plusBusinessDays(LocalDate.of(2026, 3, 6), 1))
                .isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(UsBusinessCalendar.plusBusinessDays(LocalDate.of(2026, 3, 6), 10))
                .isEqualTo(LocalDate.of(2026, 3, 20));
    }

    @Test
    void holidaysOnAWeekendAreObservedOnTheNearestWeekday() {
        // July 4, 2026 is a Saturday: observed Friday July 3
        assertThat(UsBusinessCalendar.isBusinessDay(LocalDate.of(2026, 7, 3))).isFalse();
        // New Year's Day 2028 is a Saturday: observed Friday December 31, 2027
        assertThat(UsBusinessCalendar.isBusinessDay(LocalDate.of(2027, 12, 31))).isFalse();
        // Juneteenth 2027 is a Saturday: observed Friday June 18
        assertThat(UsBusinessCalendar.isBusinessDay(LocalDate.of(2027, 6, 18))).isFalse();
        // Christmas 2022 was a Sunday: observed Monday December 26
        assertThat(UsBusinessCalendar.isBusinessDay(LocalDate.of(2022, 12, 26))).isFalse();
    }

    @Test
    void elevenFederalHolidaysAYear() {
        assertThat(UsBusinessCalendar.observedHolidays(2026))
                .hasSize(11)
                .contains(
                        LocalDate.of(2026, 1, 1),
                        LocalDate.of(2026, 1, 19),
                        LocalDate.of(2026, 2, 16),
                        LocalDate.of(2026, 5, 25),
                        LocalDate.of(2026, 6, 19),
                        LocalDate.of(2026, 7, 3),
                        LocalDate.of(2026, 9, 7),
                        LocalDate.of(2026, 10, 12),
                        LocalDate.of(2026, 11, 11),
                        LocalDate.of(2026, 11, 26),
                        LocalDate.of(2026, 12, 25));
        assertThat(UsBusinessCalendar.observedHolidays(2020)).hasSize(10);
    }

    @Test
    void theReportIsDueAtTheEndOfTheTenthBusinessDayInWashington() {
        // frozen Wednesday Nov 25, 2026 at 23:30 in Washington (04:30 UTC on the 26th)
        Instant frozen = Instant.parse("2026-11-26T04:30:00Z");
        assertThat(UsBusinessCalendar.endOfBusinessDaysAfter(frozen, 10))
                .isEqualTo(Instant.parse("2026-12-11T05:00:00Z"));
    }
}
