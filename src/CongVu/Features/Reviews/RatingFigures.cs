using CongVu.Features.Organisation;
using CongVu.Features.Reviews.Rules;
using CongVu.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Reviews;

/// <summary>Public figure ratings: counts per level of the published decisions of the year, aggregates only.</summary>
public sealed class RatingFigures(AppDbContext db) : IPublicFigures
{
    public async Task AddAsync(PublicFiguresContext context, IDictionary<string, object?> figures, CancellationToken ct)
    {
        figures["ratings"] = null;
        if (context.Committee is null)
        {
            return;
        }

        var year = await db.Set<RatingYear>().AsNoTracking()
            .FirstOrDefaultAsync(y => y.CommitteeId == context.Committee.Id && y.Year == context.Year && (y.State == YearState.Published || y.State == YearState.Closed), ct);
        if (year is null)
        {
            return;
        }

        var levels = await db.Set<RatingDecision>().IgnoreQueryFilters()
            .Where(d => d.RatingYearId == year.Id && d.IsCurrent && d.State == DecisionState.Published)
            .GroupBy(d => d.Level)
            .Select(g => new { Level = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        int Count(RatingLevel l) => levels.Where(x => x.Level == l).Sum(x => x.Count);
        figures["ratings"] = new Dictionary<string, int>
        {
            ["excellent"] = Count(RatingLevel.Excellent),
            ["good"] = Count(RatingLevel.Good),
            ["completed"] = Count(RatingLevel.Completed),
            ["notCompleted"] = Count(RatingLevel.NotCompleted),
        };
    }
}
