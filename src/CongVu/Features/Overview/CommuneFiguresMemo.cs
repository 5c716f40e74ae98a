using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace CongVu.Features.Overview;

/// <summary>
/// The parsed figures of the overview's rows, per commune and year, kept while the row's computation time and
/// revision stay the same: a national overview reads 3,321 rows, and parsing each row's JSON on every view was
/// most of its cost. A recomputation or a stale mark changes one of the two, so a changed row is read again.
/// </summary>
public sealed class CommuneFiguresMemo
{
    /// <summary>Ten years of a national tree's communes; past it the memo starts again empty.</summary>
    public const int MaxEntries = 40_000;

    private readonly ConcurrentDictionary<(int CommuneId, int Year), Entry> _entries = new();

    private sealed record Entry(DateTime ComputedAt, int Revision, IReadOnlyDictionary<string, JsonElement> Figures);

    public bool TryGet(int communeId, int year, DateTime computedAt, int revision, [NotNullWhen(true)] out IReadOnlyDictionary<string, JsonElement>? figures)
    {
        if (_entries.TryGetValue((communeId, year), out var entry) && entry.ComputedAt == computedAt && entry.Revision == revision)
        {
            figures = entry.Figures;
            return true;
        }

        figures = null;
        return false;
    }

    public void Remember(int communeId, int year, DateTime computedAt, int revision, IReadOnlyDictionary<string, JsonElement> figures)
    {
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[(communeId, year)] = new Entry(computedAt, revision, figures);
    }
}
