using CongVu.Features.Feedback.Rules;
using CongVu.Infrastructure.Audit;
using CongVu.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Feedback.Schedules;

/// <summary>Saves a year's official schedule after validation, audits the change and refreshes the cached calendar.</summary>
public sealed class ScheduleService(AppDbContext db, AuditLog audit, TimeProvider time, WorkingCalendarProvider calendars)
{
    public const string EntityType = "official-schedule";

    /// <summary>The problems with a schedule, in Vietnamese; empty when it can be saved.</summary>
    public static List<string> Validate(int year, IReadOnlyCollection<DateOnly> daysOff, IReadOnlyCollection<DateOnly> worked, string? source)
    {
        var errors = new List<string>();
        if (year is < OfficialScheduleYear.MinYear or > OfficialScheduleYear.MaxYear)
        {
            errors.Add($"Năm phải từ {OfficialScheduleYear.MinYear} đến {OfficialScheduleYear.MaxYear}.");
            return errors;
        }

        if (string.IsNullOrWhiteSpace(source))
        {
            errors.Add("Vui lòng ghi số, ngày và tên văn bản thông báo lịch nghỉ.");
        }
        else if (source.Length > 500)
        {
            errors.Add("Tên văn bản tối đa 500 ký tự.");
        }

        foreach (var d in daysOff.Concat(worked).Where(d => d.Year != year).Distinct().Order())
        {
            errors.Add($"Ngày {d:dd/MM/yyyy} không thuộc năm {year}.");
        }

        foreach (var d in daysOff.Intersect(worked).Order())
        {
            errors.Add($"Ngày {d:dd/MM/yyyy} không thể vừa là ngày nghỉ vừa là ngày làm việc.");
        }

        return errors;
    }

    public async Task<List<string>> SaveAsync(int year, IReadOnlyCollection<DateOnly> daysOff, IReadOnlyCollection<DateOnly> worked, string? source, string? by, CancellationToken ct)
    {
        var errors = Validate(year, daysOff, worked, source);
        if (errors.Count > 0)
        {
            return errors;
        }

        var row = await db.Set<OfficialScheduleYear>().FirstOrDefaultAsync(s => s.Year == year, ct);
        var before = row is null ? null : new { row.DaysOff, row.WorkedDays, row.Source };
        if (row is null)
        {
            row = new OfficialScheduleYear { Year = year, Source = source!.Trim() };
            db.Set<OfficialScheduleYear>().Add(row);
        }

        row.DaysOff = daysOff.Distinct().Order().ToList();
        row.WorkedDays = worked.Distinct().Order().ToList();
        row.Source = source!.Trim();
        row.UpdatedAt = time.GetUtcNow().UtcDateTime;
        row.UpdatedBy = by;
        audit.Record("schedule.saved", EntityType, year, null, before, new { row.DaysOff, row.WorkedDays, row.Source });
        await db.SaveChangesAsync(ct);
        calendars.Invalidate();
        return errors;
    }

    /// <summary>Adds the schedules shipped in code (2025, 2026) for years not yet stored; an edited year is never overwritten.</summary>
    public static async Task SeedAsync(AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var stored = await db.Set<OfficialScheduleYear>().Select(s => s.Year).ToListAsync(ct);
        foreach (var s in OfficialSchedules.Known.Where(s => !stored.Contains(s.Year)))
        {
            db.Set<OfficialScheduleYear>().Add(new OfficialScheduleYear
            {
                Year = s.Year,
                DaysOff = s.DaysOff.Order().ToList(),
                WorkedDays = s.WorkedWeekendDays.Order().ToList(),
                Source = s.Source,
                UpdatedBy = "seed",
                UpdatedAt = time.GetUtcNow().UtcDateTime,
            });
        }

        await db.SaveChangesAsync(ct);
    }
}
