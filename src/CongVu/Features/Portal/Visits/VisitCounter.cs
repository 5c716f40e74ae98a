using CongVu.Infrastructure.Time;

namespace CongVu.Features.Portal.Visits;

/// <summary>What the box and the API show for one commune.</summary>
public sealed record VisitFigures(int OnlineNow, long Today, long ThisWeek, long AllTime);

/// <summary>Counts not yet written to the database, taken out by the flusher as one batch.</summary>
public sealed class VisitBatch
{
    public Dictionary<(string Commune, DateTime HourUtc), (long Visits, long Views)> Hours { get; } = [];

    public Dictionary<(string Commune, DateOnly Day), (long Visits, long Views)> Days { get; } = [];

    public Dictionary<(string Commune, DateOnly Day, string Path), long> Pages { get; } = [];

    public bool IsEmpty => Hours.Count == 0 && Days.Count == 0 && Pages.Count == 0;

    public void Add(VisitBatch other)
    {
        foreach (var (k, v) in other.Hours)
        {
            var c = Hours.GetValueOrDefault(k);
            Hours[k] = (c.Visits + v.Visits, c.Views + v.Views);
        }

        foreach (var (k, v) in other.Days)
        {
            var c = Days.GetValueOrDefault(k);
            Days[k] = (c.Visits + v.Visits, c.Views + v.Views);
        }

        foreach (var (k, v) in other.Pages)
        {
            Pages[k] = Pages.GetValueOrDefault(k) + v;
        }
    }
}

/// <summary>
/// The visitor counter's rules, in memory and without I/O: a visit is one visitor's page views with no gap
/// over 30 minutes, broken at midnight in Vietnam (the salt, hence the visitor id, changes then too);
/// online now is distinct visitors seen in the last 5 minutes. Persisted totals are held as a baseline so
/// figures = baseline + counts in flight + counts pending.
/// </summary>
public sealed class VisitCounter(TimeProvider time)
{
    public static readonly TimeSpan OnlineWindow = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan VisitGap = TimeSpan.FromMinutes(30);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Dictionary<UInt128, DateTime>> _lastSeen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Baseline> _baselines = new(StringComparer.Ordinal);
    private VisitBatch _pending = new();
    private VisitBatch? _inFlight;

    private sealed class Baseline(long offset, Dictionary<DateOnly, long> days)
    {
        public long Offset { get; } = offset;

        public Dictionary<DateOnly, long> Days { get; } = days;

        public long Total { get; set; } = days.Values.Sum();
    }

    /// <summary>Counts one page view; returns true when it starts a new visit.</summary>
    public bool Record(string commune, UInt128 visitor, string path, UInt128? previousVisitor = null)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var day = DateOnly.FromDateTime(VietnamTime.ToLocal(now));
        var hour = new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc);
        lock (_gate)
        {
            if (!_lastSeen.TryGetValue(commune, out var seen))
            {
                seen = [];
                _lastSeen[commune] = seen;
            }

            // The same browser under yesterday's salt is the same person online, not a second one.
            if (previousVisitor is UInt128 prev && prev != visitor)
            {
                seen.Remove(prev);
            }

            var newVisit = !seen.TryGetValue(visitor, out var last)
                || now - last > VisitGap
                || DateOnly.FromDateTime(VietnamTime.ToLocal(last)) != day;
            seen[visitor] = now;

            var v = newVisit ? 1 : 0;
            var h = _pending.Hours.GetValueOrDefault((commune, hour));
            _pending.Hours[(commune, hour)] = (h.Visits + v, h.Views + 1);
            var d = _pending.Days.GetValueOrDefault((commune, day));
            _pending.Days[(commune, day)] = (d.Visits + v, d.Views + 1);
            _pending.Pages[(commune, day, path)] = _pending.Pages.GetValueOrDefault((commune, day, path)) + 1;
            return newVisit;
        }
    }

    public bool HasBaseline(string commune)
    {
        lock (_gate)
        {
            return _baselines.ContainsKey(commune);
        }
    }

    /// <summary>Sets what the database holds for a commune: the imported offset and visits per day.</summary>
    public void SetBaseline(string commune, long offset, IDictionary<DateOnly, long> days)
    {
        lock (_gate)
        {
            _baselines[commune] = new Baseline(offset, new Dictionary<DateOnly, long>(days));
        }
    }

    public VisitFigures Figures(string commune)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(VietnamTime.ToLocal(now));
        // Weeks start on Monday (ISO 8601, as Vietnamese calendars print them).
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        lock (_gate)
        {
            var online = _lastSeen.TryGetValue(commune, out var seen) ? seen.Values.Count(t => now - t <= OnlineWindow) : 0;
            long todayVisits = 0, week = 0, all = 0;
            if (_baselines.TryGetValue(commune, out var b))
            {
                all = b.Offset + b.Total;
                todayVisits = b.Days.GetValueOrDefault(today);
                for (var d = monday; d <= today; d = d.AddDays(1))
                {
                    week += b.Days.GetValueOrDefault(d);
                }
            }

            foreach (var batch in _inFlight is null ? [_pending] : new[] { _inFlight, _pending })
            {
                foreach (var ((c, d), (visits, _)) in batch.Days)
                {
                    if (c != commune)
                    {
                        continue;
                    }

                    all += visits;
                    if (d == today)
                    {
                        todayVisits += visits;
                    }

                    if (d >= monday && d <= today)
                    {
                        week += visits;
                    }
                }
            }

            return new VisitFigures(online, todayVisits, week, all);
        }
    }

    /// <summary>Takes the pending counts out for writing; call <see cref="Acknowledge"/> or <see cref="Restore"/> after.</summary>
    public VisitBatch? Drain()
    {
        var now = time.GetUtcNow().UtcDateTime;
        lock (_gate)
        {
            // Visitors idle past the visit gap can no longer continue a visit: forget their ids.
            foreach (var seen in _lastSeen.Values)
            {
                foreach (var id in seen.Where(p => now - p.Value > VisitGap).Select(p => p.Key).ToList())
                {
                    seen.Remove(id);
                }
            }

            if (_inFlight is not null || _pending.IsEmpty)
            {
                return null;
            }

            _inFlight = _pending;
            _pending = new VisitBatch();
            return _inFlight;
        }
    }

    /// <summary>Visitors who could still continue their visit: kept across a planned restart.</summary>
    public List<(string Commune, UInt128 Visitor, DateTime LastSeen)> ActiveSessions()
    {
        var now = time.GetUtcNow().UtcDateTime;
        lock (_gate)
        {
            return _lastSeen.SelectMany(p => p.Value.Where(v => now - v.Value <= VisitGap).Select(v => (p.Key, v.Key, v.Value))).ToList();
        }
    }

    public void ResumeSessions(IEnumerable<(string Commune, UInt128 Visitor, DateTime LastSeen)> sessions)
    {
        lock (_gate)
        {
            foreach (var (commune, visitor, lastSeen) in sessions)
            {
                if (!_lastSeen.TryGetValue(commune, out var seen))
                {
                    seen = [];
                    _lastSeen[commune] = seen;
                }

                if (!seen.TryGetValue(visitor, out var known) || known < lastSeen)
                {
                    seen[visitor] = lastSeen;
                }
            }
        }
    }

    /// <summary>The batch is committed: its visits join the baseline.</summary>
    public void Acknowledge(VisitBatch batch)
    {
        lock (_gate)
        {
            foreach (var ((c, d), (visits, _)) in batch.Days)
            {
                if (_baselines.TryGetValue(c, out var b))
                {
                    b.Days[d] = b.Days.GetValueOrDefault(d) + visits;
                    b.Total += visits;
                }
            }

            if (ReferenceEquals(_inFlight, batch))
            {
                _inFlight = null;
            }
        }
    }

    /// <summary>The write failed: the batch goes back to pending, to be written with the next one.</summary>
    public void Restore(VisitBatch batch)
    {
        lock (_gate)
        {
            batch.Add(_pending);
            _pending = batch;
            if (ReferenceEquals(_inFlight, batch))
            {
                _inFlight = null;
            }
        }
    }
}
