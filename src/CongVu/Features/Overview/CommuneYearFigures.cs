namespace CongVu.Features.Overview;

/// <summary>
/// A commune's public-summary figures for one year, computed ahead so the communes overview reads one row
/// per commune instead of running every module's queries. Aggregates only, never a person.
/// </summary>
public sealed class CommuneYearFigures
{
    public int Id { get; set; }

    /// <summary>The commune's OrgUnit id.</summary>
    public int CommuneId { get; set; }

    public int Year { get; set; }

    /// <summary>The dictionary GET /api/v1/public/summary gives for the commune and year, as JSON.</summary>
    public string FiguresJson { get; set; } = "{}";

    public DateTime ComputedAt { get; set; }

    /// <summary>Set in the same transaction as any write that may change the figures; a stale row is never shown as current.</summary>
    public bool Stale { get; set; }

    /// <summary>Bumped with every stale mark: a recomputation is stored only if no write marked the row since it read it.</summary>
    public int Revision { get; set; }
}
