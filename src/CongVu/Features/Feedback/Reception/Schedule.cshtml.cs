using System.Globalization;
using CongVu.Features.Feedback.Rules;
using CongVu.Features.Feedback.Schedules;
using CongVu.Features.Organisation;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Feedback.Reception;

/// <summary>A month's calendar of working days with the planned and held sessions, where the office plans the leaders' reception days.</summary>
[Authorize(Policy = FeedbackPolicies.Read)]
public sealed class ScheduleModel(AppDbContext db, OrgTree orgTree, TimeProvider time, WorkingCalendarProvider calendars, IAuthorizationService authz) : PageModel
{
    public DateOnly Month { get; private set; }

    public DateOnly Today { get; private set; }

    public bool CanEdit { get; private set; }

    public OrgNode? Commune { get; private set; }

    public WorkingDayCalendar Calendar { get; private set; } = WorkingDayCalendar.Default;

    public IReadOnlyList<DutyPeriod> Weeks { get; private set; } = [];

    public DutyPeriod? SecretaryMonth { get; private set; }

    public ILookup<DateOnly, ReceptionSession> ByDay { get; private set; } = Array.Empty<ReceptionSession>().ToLookup(s => s.On);

    public async Task<IActionResult> OnGetAsync(string? thang, CancellationToken ct)
    {
        Today = VietnamTime.Today(time);
        Month = DateOnly.TryParseExact(thang + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m) && m.Year is >= 2000 and <= 2100
            ? m : new DateOnly(Today.Year, Today.Month, 1);
        CanEdit = (await authz.AuthorizeAsync(User, FeedbackPolicies.Handle)).Succeeded;
        Commune = await ReceptionLabels.CommuneOfAsync(User, orgTree, ct);
        if (Commune is null)
        {
            return Page();
        }

        Calendar = await calendars.GetAsync(ct);
        var communeId = Commune.Id;
        var first = Month;
        var last = Month.AddMonths(1).AddDays(-1);
        var sessions = await db.Set<ReceptionSession>().AsNoTracking()
            .Where(s => s.CommuneId == communeId && s.On >= first.AddDays(-7) && s.On <= last.AddDays(7))
            .OrderBy(s => s.On).ThenBy(s => s.Period).ToListAsync(ct);
        ByDay = sessions.ToLookup(s => s.On);
        var held = sessions.Where(s => s.Status == ReceptionStatus.Held).ToList();
        Weeks = ReceptionDuty.ChairWeeks(held.Where(s => s.Host == ReceptionHost.Chair).Select(s => s.On), first, last, Today, Calendar);
        SecretaryMonth = ReceptionDuty.SecretaryMonths(held.Where(s => s.Host == ReceptionHost.PartySecretary).Select(s => s.On), first, last, Today, Calendar).Single();
        return Page();
    }

    /// <summary>Planned sessions of the chair in a week (for weeks still to come): whether the duty is at least planned.</summary>
    public bool ChairPlanned(DutyPeriod week)
    {
        for (var d = week.From; d <= week.To; d = d.AddDays(1))
        {
            if (ByDay[d].Any(s => s.Host == ReceptionHost.Chair && s.Status != ReceptionStatus.Cancelled))
            {
                return true;
            }
        }

        return false;
    }
}
