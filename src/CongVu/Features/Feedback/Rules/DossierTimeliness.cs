namespace CongVu.Features.Feedback.Rules;

public enum DossierTimelinessStatus
{
    /// <summary>Trước hạn: returned before the due day.</summary>
    Early = 1,

    /// <summary>Đúng hạn: returned on the due day.</summary>
    OnTime = 2,

    /// <summary>Trễ hạn: returned after the due day, or still pending after it.</summary>
    Late = 3,

    /// <summary>Chưa đến hạn: not returned and not yet due.</summary>
    Pending = 4,
}

/// <summary>
/// One-stop dossier timeliness (Nghị định 118/2025/NĐ-CP): early / on time / late by return date against the due date,
/// and the apology-and-new-date letter, due at least one working day before the due date, with the date reset at most once.
/// </summary>
public static class DossierTimeliness
{
    public static DossierTimelinessStatus StatusOf(DateOnly due, DateOnly? returned, DateOnly today) => returned switch
    {
        DateOnly r when r < due => DossierTimelinessStatus.Early,
        DateOnly r when r == due => DossierTimelinessStatus.OnTime,
        DateOnly => DossierTimelinessStatus.Late,
        null when today > due => DossierTimelinessStatus.Late,
        null => DossierTimelinessStatus.Pending,
    };

    /// <summary>The last day the apology letter may be sent: the working day before the due date.</summary>
    public static DateOnly LatestApologyDay(DateOnly due, WorkingDayCalendar calendar)
    {
        var day = due.AddDays(-1);
        while (!calendar.IsWorkingDay(day))
        {
            day = day.AddDays(-1);
        }

        return day;
    }

    /// <summary>Whether an apology with a new date may still be issued: in time, and only if the date was never reset.</summary>
    public static bool CanResetDueDate(DateOnly due, DateOnly today, bool alreadyReset, WorkingDayCalendar calendar) =>
        !alreadyReset && today <= LatestApologyDay(due, calendar);

    /// <summary>On-time rate as QĐ 766 counts it: early plus on-time returns over all dossiers returned, in percent.</summary>
    public static decimal? OnTimeRate(IEnumerable<DossierTimelinessStatus> returned)
    {
        var list = returned.Where(s => s != DossierTimelinessStatus.Pending).ToList();
        return list.Count == 0 ? null : Math.Round(100m * list.Count(s => s is DossierTimelinessStatus.Early or DossierTimelinessStatus.OnTime) / list.Count, 1);
    }
}
