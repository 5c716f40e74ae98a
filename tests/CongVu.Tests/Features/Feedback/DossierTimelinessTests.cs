using CongVu.Features.Feedback.Rules;

namespace CongVu.Tests.Features.Feedback;

public class DossierTimelinessTests
{
    private static readonly DateOnly Due = new(2026, 11, 20);

    [Theory]
    [InlineData("2026-11-19", "2026-11-25", DossierTimelinessStatus.Early)]
    [InlineData("2026-11-20", "2026-11-25", DossierTimelinessStatus.OnTime)]
    [InlineData("2026-11-23", "2026-11-25", DossierTimelinessStatus.Late)]
    [InlineData(null, "2026-11-20", DossierTimelinessStatus.Pending)]
    [InlineData(null, "2026-11-21", DossierTimelinessStatus.Late)]
    public void StatusOf_AtEachBoundary(string? returned, string today, DossierTimelinessStatus expected) =>
        Assert.Equal(expected, DossierTimeliness.StatusOf(Due, returned is null ? null : DateOnly.Parse(returned, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void ApologyLetter_IsDueTheWorkingDayBeforeTheDueDate()
    {
        // Due Monday 23/02/2026 after the Tết break: the letter must go by Friday 13/02.
        Assert.Equal(new DateOnly(2026, 2, 13), DossierTimeliness.LatestApologyDay(new DateOnly(2026, 2, 23), WorkingDayCalendar.Default));
        Assert.Equal(new DateOnly(2026, 11, 19), DossierTimeliness.LatestApologyDay(Due, WorkingDayCalendar.Default));
    }

    [Fact]
    public void DueDate_CanBeResetOnlyOnce_AndOnlyInTime()
    {
        var calendar = WorkingDayCalendar.Default;
        Assert.True(DossierTimeliness.CanResetDueDate(Due, new DateOnly(2026, 11, 19), alreadyReset: false, calendar));
        Assert.False(DossierTimeliness.CanResetDueDate(Due, new DateOnly(2026, 11, 20), alreadyReset: false, calendar));
        Assert.False(DossierTimeliness.CanResetDueDate(Due, new DateOnly(2026, 11, 10), alreadyReset: true, calendar));
    }

    [Fact]
    public void OnTimeRate_CountsEarlyAndOnTimeOverReturned() =>
        Assert.Equal(75.0m, DossierTimeliness.OnTimeRate([DossierTimelinessStatus.Early, DossierTimelinessStatus.OnTime, DossierTimelinessStatus.OnTime, DossierTimelinessStatus.Late, DossierTimelinessStatus.Pending]));
}
