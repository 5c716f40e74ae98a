using CongVu.Features.Conduct;

namespace CongVu.Features.Pledges;

public sealed record PledgeFieldsView(PledgeInput Input, IReadOnlyList<Criterion> Criteria);

/// <summary>Loads the criteria of a year's conduct code version for pledge forms.</summary>
public static class PledgeCriteria
{
    public static async Task<List<Criterion>> ForYearAsync(Infrastructure.Data.AppDbContext db, Reviews.RatingYear year, CancellationToken ct) =>
        await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.Set<Criterion>().Where(c => c.Group!.ConductCodeId == year.ConductCodeId).OrderBy(c => c.Group!.SortOrder).ThenBy(c => c.SortOrder), ct);
}
