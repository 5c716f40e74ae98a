using CongVu.Infrastructure.Time;

namespace CongVu.Features.Feedback.Rules;

public enum DeadlineUnit
{
    WorkingDays = 1,

    /// <summary>Buổi làm việc: procedures settled "trong buổi" or in a number of half-days.</summary>
    HalfDays = 2,

    /// <summary>Giờ làm việc: procedures with a deadline in working hours (e.g. 8 working hours).</summary>
    WorkingHours = 3,
}

/// <summary>
/// A procedure's settlement period in the unit its listing uses (days, half-days or working hours), resolved against the
/// working-day calendar from the moment of receipt in Vietnam time. Pure.
/// </summary>
public sealed record ProcedureDeadline(DeadlineUnit Unit, int Amount)
{
    /// <summary>The UTC instant the result is due.</summary>
    public DateTime DueAt(DateTime receivedUtc, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var local = VietnamTime.ToLocal(receivedUtc);
        var dueLocal = Unit switch
        {
            DeadlineUnit.HalfDays => calendar.AddWorkingHalfDays(local, Amount),
            DeadlineUnit.WorkingHours => calendar.AddWorkingHours(local, TimeSpan.FromHours(Amount)),
            // Whole working days end with the afternoon session of the last day (BLDS 2015, Điều 147).
            _ => calendar.AddWorkingDays(DateOnly.FromDateTime(local), Amount).ToDateTime(calendar.Hours.AfternoonEnd),
        };
        return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(dueLocal, DateTimeKind.Unspecified), VietnamTime.Zone);
    }

    /// <summary>The due date as dossiers record it (Vietnam calendar day).</summary>
    public DateOnly DueOn(DateTime receivedUtc, WorkingDayCalendar calendar) => DateOnly.FromDateTime(VietnamTime.ToLocal(DueAt(receivedUtc, calendar)));
}
