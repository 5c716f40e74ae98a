using System.Globalization;
using CongVu.Features.Feedback.Rules;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;
using CongVu.Infrastructure.Time;
using CongVu.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Feedback.Schedules;

/// <summary>The official holiday schedules by year: an administrator loads or corrects a year from the ministry's notice.</summary>
[Authorize(Policy = VoiceModel.ScheduleAdmin)]
public sealed class EditModel(AppDbContext db, ScheduleService schedules, TimeProvider time) : PageModel
{
    public IReadOnlyList<OfficialScheduleYear> Stored { get; private set; } = [];

    public int Year { get; private set; }

    public bool IsStored { get; private set; }

    [BindProperty]
    public string? DaysOff { get; set; }

    [BindProperty]
    public string? WorkedDays { get; set; }

    [BindProperty]
    public string? Source { get; set; }

    public async Task<IActionResult> OnGetAsync(int? year, CancellationToken ct)
    {
        Year = year ?? VietnamTime.Today(time).Year;
        if (Year is < OfficialScheduleYear.MinYear or > OfficialScheduleYear.MaxYear)
        {
            return NotFound();
        }

        await LoadAsync(ct);
        var row = Stored.FirstOrDefault(s => s.Year == Year);
        // A year not yet loaded starts from the days the Labour Code rules give, for the office to correct from the notice.
        var off = row?.DaysOff ?? [.. new WorkingDayCalendar().ComputedDaysOff(Year).Order()];
        DaysOff = Join(off);
        WorkedDays = Join(row?.WorkedDays ?? []);
        Source = row?.Source;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? year, CancellationToken ct)
    {
        Year = year ?? VietnamTime.Today(time).Year;
        var off = Parse(DaysOff, "ngày nghỉ");
        var worked = Parse(WorkedDays, "ngày làm bù");
        if (ModelState.IsValid)
        {
            foreach (var e in await schedules.SaveAsync(Year, off, worked, Source, User.Identity?.Name, ct))
            {
                ModelState.AddModelError(string.Empty, e);
            }
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        TempData["Flash"] = string.Create(CultureInfo.InvariantCulture, $"Đã lưu lịch nghỉ năm {Year}.");
        return Redirect(string.Create(CultureInfo.InvariantCulture, $"/staff/feedback/lich-nghi/{Year}"));
    }

    private List<DateOnly> Parse(string? text, string what)
    {
        var list = new List<DateOnly>();
        foreach (var part in (text ?? string.Empty).Split([',', ';', '\n', '\r', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (Formats.TryParseDate(part, out var d))
            {
                list.Add(d);
            }
            else
            {
                ModelState.AddModelError(string.Empty, $"Không đọc được {what} \"{part}\" (nhập dạng dd/MM/yyyy).");
            }
        }

        return list;
    }

    private static string Join(IEnumerable<DateOnly> days) => string.Join("\n", days.Order().Select(d => Formats.Date(d)));

    private async Task LoadAsync(CancellationToken ct)
    {
        Stored = await db.Set<OfficialScheduleYear>().AsNoTracking().OrderByDescending(s => s.Year).ToListAsync(ct);
        IsStored = Stored.Any(s => s.Year == Year);
    }
}
