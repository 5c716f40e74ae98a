using System.Collections.Concurrent;
using CongVu.Infrastructure.Data;

namespace CongVu.Features.Organisation;

/// <summary>
/// Keeps each commune's public summary for a minute at most, and never past a write in this process
/// (<see cref="DataVersion"/>): the portal's home and the API otherwise query every module per view.
/// The minute bounds staleness when several processes share one database.
/// </summary>
public sealed class PublicFiguresCache(DataVersion version, TimeProvider time)
{
    /// <summary>How long a summary may be served without a local write; other processes' writes show after this.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    // A province of a few hundred communes × ten years stays far below this; past it the cache starts afresh.
    private const int MaxEntries = 20_000;

    private readonly ConcurrentDictionary<(string Code, int Year, DateOnly AsOf), Entry> _entries = new();
    private readonly ConcurrentDictionary<(string Code, int Year, DateOnly AsOf), SemaphoreSlim> _gates = new();

    private sealed record Entry(long Version, DateTimeOffset Expires, IReadOnlyDictionary<string, object?> Figures);

    public async Task<Dictionary<string, object?>> GetOrComputeAsync(
        string code, int year, DateOnly asOf, Func<CancellationToken, Task<Dictionary<string, object?>>> compute, CancellationToken ct)
    {
        var key = (code, year, asOf);
        if (TryGet(key, out var figures))
        {
            return figures;
        }

        // One computation per key at a time: the others wait for it instead of querying alongside.
        var gate = _gates.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            if (TryGet(key, out figures))
            {
                return figures;
            }

            // The version is read before computing: a write during the computation leaves the entry already stale.
            var stamp = version.Current;
            var fresh = await compute(ct);
            if (_entries.Count >= MaxEntries)
            {
                _entries.Clear();
                _gates.Clear();
            }

            _entries[key] = new Entry(stamp, time.GetUtcNow() + MaxAge, new Dictionary<string, object?>(fresh));
            return fresh;
        }
        finally
        {
            gate.Release();
        }
    }

    private bool TryGet((string Code, int Year, DateOnly AsOf) key, out Dictionary<string, object?> figures)
    {
        if (_entries.TryGetValue(key, out var entry) && entry.Version == version.Current && entry.Expires > time.GetUtcNow())
        {
            figures = new Dictionary<string, object?>(entry.Figures);
            return true;
        }

        figures = null!;
        return false;
    }
}
