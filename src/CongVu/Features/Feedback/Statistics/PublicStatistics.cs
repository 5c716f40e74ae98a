using CongVu.Features.Feedback.Rules;
using CongVu.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Feedback;

/// <summary>Figures of one group of feedback items (a month, a unit): counts and rates only.</summary>
public sealed record FeedbackRow(string Label, int Received, int Answered, int AnsweredOnTime, int Overdue, decimal? MedianWorkingDays, int Ratings, decimal? SatisfactionPercent)
{
    public decimal? OnTimePercent => Answered == 0 ? null : Math.Round(100m * AnsweredOnTime / Answered, 1);
}

/// <summary>One group of the QĐ 766/QĐ-TTg index for a commune's one-stop desk: points out of the group's maximum, or null when CongVu holds no data for it.</summary>
public sealed record IndexGroup(string Key, int Maximum, decimal? Points, string? Basis);

/// <summary>
/// The public statistics of a commune's feedback and one-stop desk for a year: totals, per month, per handling unit,
/// and the QĐ 766/QĐ-TTg groups CongVu can compute. Anonymous: the scope filter is lifted and only aggregates leave here.
/// </summary>
public sealed record PublicStatistics(int Year, FeedbackRow Total, IReadOnlyList<FeedbackRow> Months, IReadOnlyList<FeedbackRow> Units, DossierStats Dossiers, IReadOnlyList<IndexGroup> Index766)
{
    /// <summary>QĐ 766/QĐ-TTg (2022) group maxima: công khai minh bạch 18, tiến độ kết quả 20, số hóa 22, dịch vụ trực tuyến 22, hài lòng 18.</summary>
    public static readonly (string Key, int Maximum)[] Groups =
    [
        ("Publicity", 18), ("Progress", 20), ("Digitisation", 22), ("Online", 22), ("Satisfaction", 18),
    ];

    private sealed record Item(DateOnly ReceivedOn, DateOnly DueOn, DateOnly? AnsweredOn, FeedbackStatus Status, int OrgUnitId);

    private sealed record Rating(int OrgUnitId, DateOnly On, bool Satisfied);

    public static async Task<PublicStatistics> ForAsync(AppDbContext db, WorkingDayCalendar calendar, int communeId, int year, DateOnly asOf, CancellationToken ct)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var items = (await db.Set<FeedbackItem>().IgnoreQueryFilters().AsNoTracking()
            .Where(f => f.CommuneId == communeId && f.ReceivedOn >= from && f.ReceivedOn <= to && !f.Hidden)
            .Select(f => new { f.ReceivedOn, f.DueOn, f.AnsweredOn, f.Status, f.OrgUnitId })
            .ToListAsync(ct))
            .Select(f => new Item(f.ReceivedOn, f.DueOn, f.AnsweredOn, f.Status, f.OrgUnitId)).ToList();
        var unitIds = await db.OrgUnits.AsNoTracking().Where(u => u.Id == communeId || u.ParentId == communeId).Select(u => u.Id).ToListAsync(ct);
        // Satisfied = an average of 4 or 5 on the three scales, as FeedbackStats counts it.
        var ratings = (await db.Set<DeskRating>().IgnoreQueryFilters().AsNoTracking()
            .Where(r => unitIds.Contains(r.OrgUnitId) && r.On >= from && r.On <= to)
            .Select(r => new { r.OrgUnitId, r.On, Sum = r.Attitude + r.Timeliness + r.Clarity })
            .ToListAsync(ct))
            .Select(r => new Rating(r.OrgUnitId, r.On, r.Sum >= 12)).ToList();
        var handling = items.Select(i => i.OrgUnitId).Distinct().ToList();
        var names = await db.OrgUnits.AsNoTracking().Where(u => handling.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);

        var lastMonth = year < asOf.Year ? 12 : year == asOf.Year ? asOf.Month : 0;
        var months = Enumerable.Range(1, lastMonth)
            .Select(m => Row(
                m.ToString("00", System.Globalization.CultureInfo.InvariantCulture) + "/" + year.ToString(System.Globalization.CultureInfo.InvariantCulture),
                items.Where(i => i.ReceivedOn.Month == m), ratings.Where(r => r.On.Month == m), calendar, asOf))
            .ToList();
        var units = items.GroupBy(i => i.OrgUnitId)
            .Select(g => Row(names.GetValueOrDefault(g.Key, "—"), g, ratings.Where(r => r.OrgUnitId == g.Key), calendar, asOf))
            .OrderByDescending(r => r.Received).ThenBy(r => r.Label, StringComparer.Ordinal).ToList();
        var total = Row(year.ToString(System.Globalization.CultureInfo.InvariantCulture), items, ratings, calendar, asOf);
        var dossiers = await DossierStats.ForAsync(db, communeId, year, ct);
        var satisfaction = ratings.Count == 0 ? (decimal?)null : Math.Round(100m * ratings.Count(r => r.Satisfied) / ratings.Count, 1);
        var index = Groups.Select(g => g.Key switch
        {
            // Tiến độ, kết quả: the on-time share of returned dossiers scaled to the group's 20 points.
            "Progress" when dossiers.OnTimeRate is decimal rate => new IndexGroup(g.Key, g.Maximum, Math.Round(rate * g.Maximum / 100m, 2), "dossiers"),
            // Mức độ hài lòng: the share of satisfied desk ratings scaled to the group's 18 points.
            "Satisfaction" when satisfaction is decimal s => new IndexGroup(g.Key, g.Maximum, Math.Round(s * g.Maximum / 100m, 2), "ratings"),
            _ => new IndexGroup(g.Key, g.Maximum, null, null),
        }).ToList();
        return new PublicStatistics(year, total, months, units, dossiers, index);
    }

    private static FeedbackRow Row(string label, IEnumerable<Item> group, IEnumerable<Rating> ratingGroup, WorkingDayCalendar calendar, DateOnly asOf)
    {
        var list = group.ToList();
        var answered = list.Where(f => f.Status == FeedbackStatus.Answered && f.AnsweredOn is not null).ToList();
        var durations = answered.Select(f => calendar.WorkingDaysBetween(f.ReceivedOn, f.AnsweredOn!.Value)).Order().ToList();
        decimal? median = durations.Count == 0 ? null
            : durations.Count % 2 == 1 ? durations[durations.Count / 2]
            : (durations[(durations.Count / 2) - 1] + durations[durations.Count / 2]) / 2m;
        var rated = ratingGroup.ToList();
        return new FeedbackRow(
            label,
            list.Count,
            answered.Count,
            answered.Count(f => f.AnsweredOn <= f.DueOn),
            list.Count(f => f.Status != FeedbackStatus.Answered && asOf > f.DueOn),
            median,
            rated.Count,
            rated.Count == 0 ? null : Math.Round(100m * rated.Count(r => r.Satisfied) / rated.Count, 1));
    }
}
