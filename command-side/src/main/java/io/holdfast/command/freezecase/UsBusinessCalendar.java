package io.holdfast.command.freezecase;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.Set;

/**
 * US federal business days, computed: weekends and the eleven federal holidays (with Juneteenth
 * from 2021), a holiday on a Saturday observed the Friday before and one on a Sunday the Monday
 * after. Days are counted in Washington's time zone.
 */
final class UsBusinessCalendar {

    static final ZoneId WASHINGTON = ZoneId.of("America/New_York");

    private UsBusinessCalendar() {}

    /** The end (midnight, Washington time) of the {@code days}-th business day after the day of {@code start}. */
    static Instant endOfBusinessDaysAfter(Instant start, int days) {
        LocalDate day = start.atZone(WASHINGTON).toLocalDate();
        return plusBusinessDays(day, days).plusDays(1).atStartOfDay(WASHINGTON).toInstant();
    }

    static LocalDate plusBusinessDays(LocalDate start, int days) {
        LocalDate day = start;
        int counted = 0;
        while (counted < days) {
            day = day.plusDays(1);
            if (isBusinessDay(day)) {
                counted++;
            }
        }
        return day;
    }

    static boolean isBusinessDay(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY
                && weekday != DayOfWeek.SUNDAY
                && !observedHolidays(day.getYear()).contains(day)
                && !observedHolidays(day.getYear() + 1).contains(day);
    }

    /** The days on which a year's federal holidays are observed (New Year's Day may fall on the year before). */
    static Set<LocalDate> observedHolidays(int year) {
        Set<LocalDate> days = new HashSet<>();
        days.add(observed(LocalDate.of(year, Month.JANUARY, 1)));
        days.add(nth(year, Month.JANUARY, DayOfWeek.MONDAY, 3)); // Martin Luther King Jr. Day
        days.add(nth(year, Month.FEBRUARY, DayOfWeek.MONDAY, 3)); // Washington's Birthday
        days.add(LocalDate.of(year, Month.MAY, 31)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))); // Memorial Day
        if (year >= 2021) {
            days.add(observed(LocalDate.of(year, Month.JUNE, 19))); // Juneteenth
        }
        days.add(observed(LocalDate.of(year, Month.JULY, 4)));
        days.add(nth(year, Month.SEPTEMBER, DayOfWeek.MONDAY, 1)); // Labor Day
        days.add(nth(year, Month.OCTOBER, DayOfWeek.MONDAY, 2)); // Columbus Day
        days.add(observed(LocalDate.of(year, Month.NOVEMBER, 11))); // Veterans Day
        days.add(nth(year, Month.NOVEMBER, DayOfWeek.THURSDAY, 4)); // Thanksgiving
        days.add(observed(LocalDate.of(year, Month.DECEMBER, 25)));
        return days;
    }

    private static LocalDate nth(int year, Month month, DayOfWeek weekday, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, weekday));
    }

    private static LocalDate observed(LocalDate holiday) {
        return switch (holiday.getDayOfWeek()) {
            case SATURDAY -> holiday.minusDays(1);
            case SUNDAY -> holiday.plusDays(1);
            default -> holiday;
        };
    }
}
