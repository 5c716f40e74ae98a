using CongVu.Features.Feedback.Rules;

namespace CongVu.Tests.Features.Feedback;

public class ReceptionDutyTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Default;

    private static DateOnly D(int m, int d) => new(2026, m, d);

    [Fact]
    public void AWeekWithoutAChairSession_IsFlagged()
    {
        // Sessions on Tue 3/11 and Tue 17/11; the week of 9–15/11 has none.
        var weeks = ReceptionDuty.ChairWeeks([D(11, 3), D(11, 17)], D(11, 2), D(11, 22), D(11, 25), Calendar);
        Assert.Equal(3, weeks.Count);
        var missed = Assert.Single(weeks, w => w.Missed);
        Assert.Equal(D(11, 9), missed.From);
        Assert.Equal(0, missed.Held);
    }

    [Fact]
    public void TheCurrentWeek_IsNotFlaggedBeforeItEnds()
    {
        var weeks = ReceptionDuty.ChairWeeks([], D(11, 23), D(11, 25), D(11, 25), Calendar);
        var week = Assert.Single(weeks);
        Assert.False(week.Finished);
        Assert.False(week.Missed);
    }

    [Fact]
    public void TheTetWeek_RequiresNoChairSession()
    {
        // 16–20/02/2026 are all official days off (Thông báo 9441/TB-BNV): nothing is required that week.
        var weeks = ReceptionDuty.ChairWeeks([], D(2, 16), D(2, 22), D(11, 25), Calendar);
        var week = Assert.Single(weeks);
        Assert.Equal(0, week.Required);
        Assert.False(week.Missed);
    }

    [Fact]
    public void AMonthWithOneSecretarySession_IsFlagged_AndTwoSatisfyIt()
    {
        var months = ReceptionDuty.SecretaryMonths([D(6, 11), D(7, 9), D(7, 23)], D(6, 1), D(7, 31), D(11, 25), Calendar);
        Assert.Equal(2, months.Count);
        Assert.True(months[0].Missed);
        Assert.Equal(1, months[0].Held);
        Assert.Equal(2, months[0].Required);
        Assert.False(months[1].Missed);
    }

    [Fact]
    public void TwoSessionsOnOneDay_CountAsOneDay()
    {
        var months = ReceptionDuty.SecretaryMonths([D(6, 11), D(6, 11)], D(6, 1), D(6, 30), D(11, 25), Calendar);
        Assert.True(Assert.Single(months).Missed);
    }
}
