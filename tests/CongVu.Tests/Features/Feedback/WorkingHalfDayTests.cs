using CongVu.Features.Feedback.Rules;

namespace CongVu.Tests.Features.Feedback;

public class WorkingHalfDayTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Default;

    private static DateTime T(int m, int d, int h, int min = 0) => new(2026, m, d, h, min, 0, DateTimeKind.Unspecified);

    [Theory]
    // Wed 25/11 at 9:00, one half-day: the afternoon of the same day.
    [InlineData(11, 25, 9, 0, 1, 11, 25, 17)]
    // At 6:59 the morning session is still ahead: it is the receipt half-day.
    [InlineData(11, 25, 6, 59, 1, 11, 25, 17)]
    // At exactly 11:00 the morning is over: received in the afternoon, due next morning.
    [InlineData(11, 25, 11, 0, 1, 11, 26, 11)]
    // In the lunch break: the afternoon is the receipt half-day.
    [InlineData(11, 25, 12, 30, 2, 11, 26, 17)]
    // At 17:00 the day is over: counted from Thursday morning.
    [InlineData(11, 25, 17, 0, 1, 11, 26, 17)]
    // Friday afternoon: the next half-day is Monday morning.
    [InlineData(11, 27, 14, 0, 1, 11, 30, 11)]
    // Zero half-days: the end of the receipt half-day.
    [InlineData(11, 25, 9, 0, 0, 11, 25, 11)]
    // Friday 13/02/2026 afternoon before Tết: the next half-day is Monday 23/02 morning.
    [InlineData(2, 13, 15, 0, 1, 2, 23, 11)]
    public void HalfDays_CountFromTheNextHalfDay(int m, int d, int h, int min, int n, int em, int ed, int eh) =>
        Assert.Equal(T(em, ed, eh), Calendar.AddWorkingHalfDays(T(m, d, h, min), n));

    [Fact]
    public void HalfDays_ReceivedOnASunday_StartFromMondayMorning() =>
        Assert.Equal((new DateOnly(2026, 11, 30), false), Calendar.ReceiptHalfDay(T(11, 29, 10)));

    [Theory]
    // 4 working hours from 9:00: 2 in the morning, 2 after lunch → 15:00.
    [InlineData(11, 25, 9, 0, 4, 11, 25, 15, 0)]
    // 8 hours from 16:30 Friday: 0.5 Friday, 4 Monday morning, 3.5 Monday afternoon → 16:30 Monday.
    [InlineData(11, 27, 16, 30, 8, 11, 30, 16, 30)]
    // Ending exactly at the end of the morning stays at 11:00.
    [InlineData(11, 25, 7, 0, 4, 11, 25, 11, 0)]
    // After hours: the clock starts at the next morning's 7:00.
    [InlineData(11, 25, 19, 0, 1, 11, 26, 8, 0)]
    public void WorkingHours_RunOnlyInSessions(int m, int d, int h, int min, int hours, int em, int ed, int eh, int emin) =>
        Assert.Equal(T(em, ed, eh, emin), Calendar.AddWorkingHours(T(m, d, h, min), TimeSpan.FromHours(hours)));

    [Fact]
    public void OfficeHours_AreData()
    {
        var calendar = new WorkingDayCalendar(OfficialSchedules.Known, new WorkingHours(new(7, 30), new(11, 30), new(13, 30), new(17, 0)));
        Assert.Equal(T(11, 25, 11, 30), calendar.AddWorkingHalfDays(T(11, 25, 7, 0), 0));
        Assert.Equal(T(11, 26, 11, 30), calendar.AddWorkingHalfDays(T(11, 25, 11, 45), 1));
    }

    [Fact]
    public void InconsistentOfficeHours_AreRefused() =>
        Assert.NotNull(new WorkingHours(new(11, 0), new(7, 0), new(13, 0), new(17, 0)).Problem());
}

public class ProcedureDeadlineTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Default;

    // Wednesday 25/11/2026 at 10:00 Vietnam time.
    private static readonly DateTime Received = new(2026, 11, 25, 3, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void AHalfDayProcedure_ReceivedInTheMorning_IsDueThatAfternoon() =>
        Assert.Equal(new DateTime(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc), new ProcedureDeadline(DeadlineUnit.HalfDays, 1).DueAt(Received, Calendar));

    [Fact]
    public void AnEightHourProcedure_RunsIntoTheNextMorning() =>
        Assert.Equal(new DateOnly(2026, 11, 26), new ProcedureDeadline(DeadlineUnit.WorkingHours, 8).DueOn(Received, Calendar));

    [Fact]
    public void ADayProcedure_EndsWithTheLastDaysAfternoon() =>
        Assert.Equal(new DateTime(2026, 11, 27, 10, 0, 0, DateTimeKind.Utc), new ProcedureDeadline(DeadlineUnit.WorkingDays, 2).DueAt(Received, Calendar));
}
