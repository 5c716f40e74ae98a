using CongVu.Features.Feedback.Schedules;
using CongVu.Features.Organisation;
using CongVu.Features.Portal;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Time;
using CongVu.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CongVu.Features.Feedback.Statistics;

/// <summary>The public statistics of citizens' feedback and the one-stop desk (/thong-ke/phan-anh for the home commune, /xa/{code}/thong-ke for any): aggregates only.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCachePolicy.Name)]
public sealed class StatisticsModel(AppDbContext db, PortalCommunes communes, WorkingCalendarProvider calendars, TimeProvider time) : PageModel
{
    public OrgNode Commune { get; private set; } = null!;

    public PublicStatistics Stats { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? code, int? nam, CancellationToken ct)
    {
        if (await communes.ResolveAsync(code, ct) is not { } commune)
        {
            return NotFound();
        }

        Today = VietnamTime.Today(time);
        var year = nam ?? Math.Min(Today.Year, commune.ValidTo?.Year ?? int.MaxValue);
        if (year < commune.ValidFrom.Year || year > Today.Year)
        {
            return NotFound();
        }

        Commune = commune;
        Stats = await PublicStatistics.ForAsync(db, await calendars.GetAsync(ct), commune.Id, year, Today, ct);
        return Page();
    }

    /// <summary>The width of a bar in a 300-unit SVG track, for a value against the largest in its series.</summary>
    public static int Bar(decimal value, decimal max) => max <= 0 ? 0 : (int)Math.Round(300m * value / max);
}
