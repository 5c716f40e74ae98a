using CongVu.Features.Feedback.Rules;

namespace CongVu.Tests.Features.Feedback;

public class WorkingDayCalendarTests
{
    private static DateOnly D(string s) => DateOnly.ParseExact(s, "dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(2025, "29/01/2025")]
    [InlineData(2026, "17/02/2026")]
    [InlineData(2027, "06/02/2027")]
    [InlineData(2028, "26/01/2028")]
    [InlineData(2029, "13/02/2029")]
    // The new moon of 2/2/2030 falls at 23:07 in Vietnam (00:07 on 3/2 in China): Vietnam's Tết is 2/2, China's 3/2.
    [InlineData(2030, "02/02/2030")]
    [InlineData(2031, "23/01/2031")]
    [InlineData(2032, "11/02/2032")]
    [InlineData(2033, "31/01/2033")]
    [InlineData(2034, "19/02/2034")]
    [InlineData(2035, "08/02/2035")]
    public void LunarNewYear_MatchesTheVietnameseCalendar(int year, string tet) =>
        Assert.Equal(D(tet), VietnameseLunarCalendar.NewYear(year));

    [Fact]
    public void LunarNewYear_1985And2030_DifferFromTheChineseCalendarBecauseOfUtcPlus7()
    {
        // Vietnam celebrated Tết Ất Sửu on 21/01/1985, China on 20/02/1985.
        Assert.Equal(D("21/01/1985"), VietnameseLunarCalendar.NewYear(1985));
        Assert.Equal(D("20/02/1985"), VietnameseLunarCalendar.NewYear(1985, 8));
        Assert.Equal(D("03/02/2030"), VietnameseLunarCalendar.NewYear(2030, 8));
    }

    [Theory]
    [InlineData(2025, "07/04/2025")]
    [InlineData(2026, "26/04/2026")]
    public void HungKingsDay_IsTheTenthOfTheThirdLunarMonth(int year, string day) =>
        Assert.Equal(D(day), VietnameseLunarCalendar.ToSolar(year, 3, 10));

    [Fact]
    public void FromSolar_RoundTripsThroughALeapYear()
    {
        // 2025 (Ất Tỵ) has a leap sixth month.
        var leapStart = VietnameseLunarCalendar.ToSolar(2025, 6, 1, isLeapMonth: true);
        Assert.Equal(new LunarDate(2025, 6, 1, true), VietnameseLunarCalendar.FromSolar(leapStart));
        Assert.Equal(new LunarDate(2026, 1, 1, false), VietnameseLunarCalendar.FromSolar(D("17/02/2026")));
        Assert.Equal(new LunarDate(2025, 12, 29, false), VietnameseLunarCalendar.FromSolar(D("16/02/2026")));
    }

    [Theory]
    // Official 2026 schedule: Tết off 14–22/02, Giỗ Tổ compensated on Monday 27/4, Quốc khánh off 29/8–2/9, Saturday 22/8 worked.
    [InlineData("13/02/2026", true)]
    [InlineData("14/02/2026", false)]
    [InlineData("16/02/2026", false)]
    [InlineData("20/02/2026", false)]
    [InlineData("22/02/2026", false)]
    [InlineData("23/02/2026", true)]
    [InlineData("01/01/2026", false)]
    [InlineData("02/01/2026", true)]
    [InlineData("27/04/2026", false)]
    [InlineData("28/04/2026", true)]
    [InlineData("30/04/2026", false)]
    [InlineData("01/05/2026", false)]
    [InlineData("22/08/2026", true)]
    [InlineData("28/08/2026", true)]
    [InlineData("31/08/2026", false)]
    [InlineData("02/09/2026", false)]
    [InlineData("03/09/2026", true)]
    // Official 2025 schedule: Tết 27–31/01, Giỗ Tổ 7/4, 30/4–2/5 with Saturday 26/4 worked, Quốc khánh 1–2/9.
    [InlineData("24/01/2025", true)]
    [InlineData("27/01/2025", false)]
    [InlineData("31/01/2025", false)]
    [InlineData("03/02/2025", true)]
    [InlineData("07/04/2025", false)]
    [InlineData("26/04/2025", true)]
    [InlineData("02/05/2025", false)]
    [InlineData("05/05/2025", true)]
    [InlineData("01/09/2025", false)]
    [InlineData("03/09/2025", true)]
    public void OfficialSchedules_GiveTheAnnouncedDaysOff(string day, bool working) =>
        Assert.Equal(working, WorkingDayCalendar.Default.IsWorkingDay(D(day)));

    [Fact]
    public void ComputedYear_AddsCompensatoryDaysForHolidaysOnWeekends()
    {
        var calendar = new WorkingDayCalendar();
        // 2028: 30/4 is a Sunday → Tuesday 2/5 (Monday 1/5 is itself a holiday); 2/9 is a Saturday → Monday 4/9.
        Assert.False(calendar.IsWorkingDay(D("01/05/2028")));
        Assert.False(calendar.IsWorkingDay(D("02/05/2028")));
        Assert.True(calendar.IsWorkingDay(D("03/05/2028")));
        Assert.False(calendar.IsWorkingDay(D("01/09/2028")));
        Assert.False(calendar.IsWorkingDay(D("04/09/2028")));
        // Tết 2028 (26/01, Wednesday): 25/01–29/01 are off, Saturday 29/01 is compensated on Monday 31/01.
        Assert.False(calendar.IsWorkingDay(D("25/01/2028")));
        Assert.False(calendar.IsWorkingDay(D("28/01/2028")));
        Assert.False(calendar.IsWorkingDay(D("31/01/2028")));
        Assert.True(calendar.IsWorkingDay(D("01/02/2028")));
    }

    [Fact]
    public void OfficialSchedule_OverridesTheComputedDays()
    {
        var schedule = new OfficialSchedule(2028, [D("25/01/2028"), D("26/01/2028"), D("27/01/2028"), D("28/01/2028"), D("31/01/2028")], [D("05/02/2028")], "test");
        var calendar = new WorkingDayCalendar([schedule]);
        Assert.True(calendar.IsWorkingDay(D("05/02/2028")));
        // Without 30/4 in the notice, 2/5 is an ordinary working day for that year.
        Assert.True(calendar.IsWorkingDay(D("02/05/2028")));
    }

    [Theory]
    // Received Friday 13/02/2026: the Tết break does not count; 5 working days end on Friday 27/02.
    [InlineData("13/02/2026", 5, "27/02/2026")]
    // Received Monday 23/11/2026: the day of receipt is not counted.
    [InlineData("23/11/2026", 1, "24/11/2026")]
    [InlineData("23/11/2026", 5, "30/11/2026")]
    // Received on a Saturday: counting starts on Monday.
    [InlineData("21/11/2026", 1, "23/11/2026")]
    // Received 28/08/2026: off 29/8–2/9, so the first working day is 3/9.
    [InlineData("28/08/2026", 1, "03/09/2026")]
    [InlineData("21/08/2026", 1, "22/08/2026")]
    [InlineData("23/11/2026", 0, "23/11/2026")]
    public void AddWorkingDays_FollowsTheCivilCode(string received, int n, string deadline) =>
        Assert.Equal(D(deadline), WorkingDayCalendar.Default.AddWorkingDays(D(received), n));

    [Theory]
    // A 10-day period from 11/02/2026 ends on 21/02 (Saturday, in Tết) → end of the next working day, 23/02.
    [InlineData("11/02/2026", 10, "23/02/2026")]
    [InlineData("02/11/2026", 10, "12/11/2026")]
    public void CalendarPeriod_EndingOnADayOff_MovesToTheNextWorkingDay(string start, int days, string end) =>
        Assert.Equal(D(end), WorkingDayCalendar.Default.EndOfCalendarPeriod(D(start), days));

    [Fact]
    public void WorkingDaysBetween_CountsAfterTheFirstDay() =>
        Assert.Equal(5, WorkingDayCalendar.Default.WorkingDaysBetween(D("13/02/2026"), D("27/02/2026")));
}
