using CongVu.Features.Feedback.Rules;
using CongVu.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Feedback.Schedules;

/// <summary>The working-day calendar built from the schedules stored in the database, cached until a schedule is saved.</summary>
public sealed class WorkingCalendarProvider(IServiceScopeFactory scopes, IConfiguration config) : IDisposable
{
    private WorkingDayCalendar? _calendar;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async ValueTask<WorkingDayCalendar> GetAsync(CancellationToken ct = default)
    {
        if (Volatile.Read(ref _calendar) is { } cached)
        {
            return cached;
        }

        await _gate.WaitAsync(ct);
        try
        {
            if (Volatile.Read(ref _calendar) is { } again)
            {
                return again;
            }

            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var rows = await db.Set<OfficialScheduleYear>().AsNoTracking().ToListAsync(ct);
            var calendar = new WorkingDayCalendar(rows.Select(ToSchedule), Hours(config));
            Volatile.Write(ref _calendar, calendar);
            return calendar;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Invalidate() => Volatile.Write(ref _calendar, null);

    public void Dispose() => _gate.Dispose();

    public static OfficialSchedule ToSchedule(OfficialScheduleYear row) => new(row.Year, row.DaysOff.ToHashSet(), row.WorkedDays.ToHashSet(), row.Source);

    /// <summary>Office hours from configuration (Feedback:WorkingHours:MorningStart …, "HH:mm"), falling back to 7–11 and 13–17 when absent or inconsistent.</summary>
    public static WorkingHours Hours(IConfiguration config)
    {
        var d = WorkingHours.Default;
        var section = config.GetSection("Feedback:WorkingHours");
        var hours = new WorkingHours(
            Read(section["MorningStart"], d.MorningStart),
            Read(section["MorningEnd"], d.MorningEnd),
            Read(section["AfternoonStart"], d.AfternoonStart),
            Read(section["AfternoonEnd"], d.AfternoonEnd));
        return hours.Problem() is null ? hours : d;

        static TimeOnly Read(string? value, TimeOnly fallback) =>
            TimeOnly.TryParseExact(value, "HH:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var t) ? t : fallback;
    }
}
