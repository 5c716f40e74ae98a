using CongVu.Features.Feedback.Rules;
using CongVu.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Feedback;

/// <summary>One-stop dossiers returned in a year by a commune's offices, and the share returned early or on time (QĐ 766/QĐ-TTg counts returned dossiers).</summary>
public sealed record DossierStats(int Returned, int Early, int OnTime, int Late, decimal? OnTimeRate)
{
    public static async Task<DossierStats> ForAsync(AppDbContext db, int communeId, int year, CancellationToken ct)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var units = await db.OrgUnits.AsNoTracking().Where(u => u.Id == communeId || u.ParentId == communeId).Select(u => u.Id).ToListAsync(ct);
        // Public aggregates cover the whole commune whoever asks, so the scope filter is lifted here only.
        var rows = await db.Set<Dossier>().IgnoreQueryFilters().AsNoTracking()
            .Where(d => units.Contains(d.OrgUnitId) && d.ReturnedOn >= from && d.ReturnedOn <= to)
            .Select(d => new { d.DueOn, d.ReturnedOn })
            .ToListAsync(ct);
        return Of(rows.Select(d => DossierTimeliness.StatusOf(d.DueOn, d.ReturnedOn, to)).ToList());
    }

    public static DossierStats Of(IReadOnlyCollection<DossierTimelinessStatus> returned) => new(
        returned.Count,
        returned.Count(s => s == DossierTimelinessStatus.Early),
        returned.Count(s => s == DossierTimelinessStatus.OnTime),
        returned.Count(s => s == DossierTimelinessStatus.Late),
        DossierTimeliness.OnTimeRate(returned));
}
