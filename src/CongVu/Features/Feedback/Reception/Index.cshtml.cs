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

/// <summary>A year of reception sessions with the duty check: chair weeks and secretary months without the required days are flagged.</summary>
[Authorize(Policy = FeedbackPolicies.Read)]
public sealed class IndexModel(AppDbContext db, OrgTree orgTree, TimeProvider time, WorkingCalendarProvider calendars, IAuthorizationService authz) : PageModel
{
    public OrgNode? Commune { get; private set; }

    public int Year { get; private set; }

    public DateOnly Today { get; private set; }

    public bool CanEdit { get; private set; }

    public IReadOnlyList<ReceptionSession> Sessions { get; private set; } = [];

    public IReadOnlyList<DutyPeriod> ChairWeeks { get; private set; } = [];

    public IReadOnlyList<DutyPeriod> SecretaryMonths { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? nam, CancellationToken ct)
    {
        Today = VietnamTime.Today(time);
        Year = nam ?? Today.Year;
        if (Year is < 2000 or > 2100)
        {
            return NotFound();
        }

        CanEdit = (await authz.AuthorizeAsync(User, FeedbackPolicies.Handle)).Succeeded;
        Commune = await ReceptionLabels.CommuneOfAsync(User, orgTree, ct);
        if (Commune is null)
        {
            return Page();
        }

        var communeId = Commune.Id;
        var from = new DateOnly(Year, 1, 1);
        var to = new DateOnly(Year, 12, 31);
        Sessions = await db.Set<ReceptionSession>().AsNoTracking().Include(s => s.Visits)
            .Where(s => s.CommuneId == communeId && s.On >= from.AddDays(-7) && s.On <= to.AddDays(7))
            .OrderBy(s => s.On).ThenBy(s => s.Period).ToListAsync(ct);
        var (weeks, months) = ReceptionService.Duties(Sessions, from, Year == Today.Year ? Today : to, Today, await calendars.GetAsync(ct));
        ChairWeeks = weeks;
        SecretaryMonths = months;
        Sessions = Sessions.Where(s => s.On >= from && s.On <= to).OrderByDescending(s => s.On).ToList();
        return Page();
    }
}
