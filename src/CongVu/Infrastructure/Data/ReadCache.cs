using System.Collections.Concurrent;

namespace CongVu.Infrastructure.Data;

/// <summary>
/// Keeps values computed from the records (a commune's public summary, the home page's rolls, the feedback
/// form's choices, a registry list's page) for a minute at most, and never past a committed write in this
/// process to what they read (<see cref="DataVersion"/>): pages would otherwise query the same records on
/// every view. The minute bounds staleness when several processes share one database. A key names everything
/// else a value depends on, the reader's scope included.
/// </summary>
public sealed class ReadCache(DataVersion version, TimeProvider time)
{
    /// <summary>How long figures may be served without a local write; other processes' writes show after this.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    /// <summary>How long a staff page's reads may be served without a local write to what they read.</summary>
    public static readonly TimeSpan StaffMaxAge = TimeSpan.FromSeconds(5);

    // A province of a few hundred communes × ten years stays far below this; past it the cache starts afresh.
    private const int MaxEntries = 20_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    private sealed record Entry(long Version, DateTimeOffset Expires, object Value);

    /// <summary>A commune's public summary; each caller gets its own copy of the dictionary.</summary>
    public async Task<Dictionary<string, object?>> GetOrComputeAsync(
        string code, int year, DateOnly asOf, Func<CancellationToken, Task<Dictionary<string, object?>>> compute, CancellationToken ct)
    {
        var shared = await GetOrComputeAsync(
            FormattableString.Invariant($"summary|{code}|{year}|{asOf:yyyy-MM-dd}"),
            async token => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>(await compute(token)),
            ct);
        return new Dictionary<string, object?>(shared);
    }

    /// <summary>Any read-only figures under a key that names everything they depend on besides the data.</summary>
    public Task<T> GetOrComputeAsync<T>(string key, Func<CancellationToken, Task<T>> compute, CancellationToken ct)
        where T : class =>
        GetOrComputeAsync(key, () => version.Current, compute, MaxAge, ct);

    /// <summary>
    /// Figures read from records of the given types only: kept across writes of other types (a citizen's feedback does
    /// not change a commune's list of officials), recomputed after a write to any of them.
    /// </summary>
    public Task<T> GetOrComputeAsync<T>(string key, IReadOnlyList<Type> readsFrom, Func<CancellationToken, Task<T>> compute, CancellationToken ct)
        where T : class =>
        GetOrComputeAsync(key, StampOf(readsFrom), compute, MaxAge, ct);

    /// <summary>
    /// As above, for staff pages: kept <see cref="StaffMaxAge"/> at most, so that with several app servers on one
    /// database (docs/postgresql.md) a clerk sees within seconds what was written through another server.
    /// </summary>
    public Task<T> GetOrComputeForStaffAsync<T>(string key, IReadOnlyList<Type> readsFrom, Func<CancellationToken, Task<T>> compute, CancellationToken ct)
        where T : class =>
        GetOrComputeAsync(key, StampOf(readsFrom), compute, StaffMaxAge, ct);

    // Each type's counter only grows, so their sum moves whenever one of them does.
    private Func<long> StampOf(IReadOnlyList<Type> readsFrom) => () => readsFrom.Sum(version.Of);

    private async Task<T> GetOrComputeAsync<T>(string key, Func<long> stampNow, Func<CancellationToken, Task<T>> compute, TimeSpan maxAge, CancellationToken ct)
        where T : class
    {
        if (TryGet(key, stampNow, out T? value))
        {
            return value;
        }

        // One computation per key at a time: the others wait for it instead of querying alongside.
        var gate = _gates.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            if (TryGet(key, stampNow, out value))
            {
                return value;
            }

            // The version is read before computing: a write during the computation leaves the entry already stale.
            var stamp = stampNow();
            var fresh = await compute(ct);
            if (_entries.Count >= MaxEntries)
            {
                _entries.Clear();
                _gates.Clear();
            }

            _entries[key] = new Entry(stamp, time.GetUtcNow() + maxAge, fresh);
            return fresh;
        }
        finally
        {
            gate.Release();
        }
    }

    private bool TryGet<T>(string key, Func<long> stampNow, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? value)
        where T : class
    {
        if (_entries.TryGetValue(key, out var entry) && entry.Version == stampNow() && entry.Expires > time.GetUtcNow() && entry.Value is T typed)
        {
            value = typed;
            return true;
        }

        value = null;
        return false;
    }
}
