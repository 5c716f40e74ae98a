using System.Text.Json;
using CongVu.Features.Organisation;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Overview;

/// <summary>A commune's figures for the overview: null figures mean "đang cập nhật" (stale or not yet computed).</summary>
public sealed record CommuneFigures(OrgNode Commune, IReadOnlyDictionary<string, JsonElement>? Figures, DateTime? ComputedAt)
{
    public bool Updating => Figures is null;
}

/// <summary>
/// Reads the pre-computed figures of many communes in one query and recomputes (through the public
/// summary's contributors) the few that are missing or stale; the refresher finishes the rest.
/// </summary>
public sealed class CommuneFiguresStore(AppDbContext db, OrgTree tree, IEnumerable<IPublicFigures> contributors, TimeProvider time, IConfiguration config, FiguresSignal signal, CommuneFiguresMemo memo)
{
    private static readonly IReadOnlyDictionary<string, JsonElement> NoFigures = new Dictionary<string, JsonElement>();

    public int MaxRecomputePerRequest => Math.Max(0, config.GetValue("Overview:MaxRecomputePerRequest", 25));

    /// <summary>The figures of the communes for the year, in the order given; at most <see cref="MaxRecomputePerRequest"/> are recomputed.</summary>
    public async Task<IReadOnlyList<CommuneFigures>> GetAsync(IReadOnlyList<OrgNode> communes, int year, CancellationToken ct)
    {
        // The rows' state first; the JSON only of the current rows whose parsed figures the memo does not hold.
        var rows = await ReadAsync(communes, year, withFigures: false, ct);
        var today = VietnamTime.Today(time);
        var results = new CommuneFigures[communes.Count];
        var pending = new List<int>();
        var unread = new List<int>();
        for (var i = 0; i < communes.Count; i++)
        {
            if (rows.TryGetValue(communes[i].Id, out var row) && IsCurrent(row, year, today))
            {
                if (memo.TryGet(row.CommuneId, year, row.ComputedAt, row.Revision, out var figures))
                {
                    results[i] = new CommuneFigures(communes[i], figures, row.ComputedAt);
                }
                else
                {
                    unread.Add(i);
                }
            }
            else
            {
                results[i] = new CommuneFigures(communes[i], null, null);
                pending.Add(i);
            }
        }

        if (unread.Count > 0)
        {
            var read = await ReadAsync(unread.Select(i => communes[i].Id).ToArray(), year, withFigures: true, ct);
            foreach (var i in unread)
            {
                // Taken as it is now: a row recomputed or marked since the first read counts in its new state.
                var id = communes[i].Id;
                if (read.TryGetValue(id, out var row))
                {
                    rows[id] = row;
                    if (IsCurrent(row, year, today))
                    {
                        var figures = Parse(row.FiguresJson);
                        memo.Remember(id, year, row.ComputedAt, row.Revision, figures);
                        results[i] = new CommuneFigures(communes[i], figures, row.ComputedAt);
                        continue;
                    }
                }

                results[i] = new CommuneFigures(communes[i], null, null);
                pending.Add(i);
            }

            // The shown page comes first in the list, so the recompute budget still goes to it.
            pending.Sort();
        }

        var now = pending.Take(MaxRecomputePerRequest).ToList();
        var done = await RecomputeAsync(now.Select(i => communes[i]).ToList(), year, rows, ct);
        foreach (var i in now)
        {
            if (done.TryGetValue(communes[i].Id, out var fresh))
            {
                results[i] = fresh;
            }
        }

        if (pending.Count > done.Count)
        {
            signal.Raise();
        }

        return results;
    }

    /// <summary>Recomputes up to <paramref name="batch"/> missing or stale rows of the communes for the year; returns how many were stored.</summary>
    public async Task<int> RefreshAsync(IReadOnlyList<OrgNode> communes, int year, int batch, CancellationToken ct)
    {
        var rows = await ReadAsync(communes, year, withFigures: false, ct);
        var today = VietnamTime.Today(time);
        var pending = communes.Where(c => !rows.TryGetValue(c.Id, out var row) || !IsCurrent(row, year, today)).Take(batch).ToList();
        return (await RecomputeAsync(pending, year, rows, ct)).Count;
    }

    /// <summary>Recomputes every given commune for the year whatever its state (the rebuild-figures command).</summary>
    public async Task<int> RebuildAsync(IReadOnlyList<OrgNode> communes, int year, CancellationToken ct)
    {
        var rows = await ReadAsync(communes, year, withFigures: false, ct);
        return (await RecomputeAsync(communes, year, rows, ct)).Count;
    }

    // A row for a year not yet over is as of today, so it ages at midnight even without a write.
    private static bool IsCurrent(Row row, int year, DateOnly today) =>
        !row.Stale && (year < today.Year || DateOnly.FromDateTime(VietnamTime.ToLocal(row.ComputedAt)) >= today);

    private sealed record Row(int CommuneId, string FiguresJson, DateTime ComputedAt, bool Stale, int Revision);

    private Task<Dictionary<int, Row>> ReadAsync(IReadOnlyList<OrgNode> communes, int year, bool withFigures, CancellationToken ct) =>
        ReadAsync(communes.Select(c => c.Id).ToArray(), year, withFigures, ct);

    private async Task<Dictionary<int, Row>> ReadAsync(int[] ids, int year, bool withFigures, CancellationToken ct)
    {
        if (ids.Length == 0)
        {
            return [];
        }

        // The ids go as one array parameter whatever their number (DatabaseSetup.ScopeListMode).
        var query = db.Set<CommuneYearFigures>().AsNoTracking().Where(f => f.Year == year && ids.Contains(f.CommuneId));
        var list = withFigures
            ? await query.Select(f => new Row(f.CommuneId, f.FiguresJson, f.ComputedAt, f.Stale, f.Revision)).ToListAsync(ct)
            : await query.Select(f => new Row(f.CommuneId, string.Empty, f.ComputedAt, f.Stale, f.Revision)).ToListAsync(ct);
        return list.ToDictionary(r => r.CommuneId);
    }

    private async Task<Dictionary<int, CommuneFigures>> RecomputeAsync(IReadOnlyList<OrgNode> communes, int year, Dictionary<int, Row> rows, CancellationToken ct)
    {
        var done = new Dictionary<int, CommuneFigures>();
        if (communes.Count == 0)
        {
            return done;
        }

        // A missing row is first inserted stale, so a write committed while we compute can mark it (see StaleFiguresInterceptor).
        var missing = communes.Where(c => !rows.ContainsKey(c.Id)).Select(c => c.Id).ToList();
        if (missing.Count > 0)
        {
            await InsertPlaceholdersAsync(missing, year, ct);
            var inserted = await db.Set<CommuneYearFigures>().AsNoTracking()
                .Where(f => f.Year == year && missing.Contains(f.CommuneId))
                .Select(f => new Row(f.CommuneId, string.Empty, f.ComputedAt, f.Stale, f.Revision))
                .ToListAsync(ct);
            foreach (var r in inserted)
            {
                rows[r.CommuneId] = r;
            }
        }

        foreach (var commune in communes)
        {
            if (!rows.TryGetValue(commune.Id, out var row))
            {
                continue;
            }

            var figures = await PublicSummaryEndpoints.FiguresForAsync(commune.Code, year, tree, contributors, time, ct);
            var json = figures is null ? "{}" : JsonSerializer.Serialize(figures);
            var at = time.GetUtcNow().UtcDateTime;
            var revision = row.Revision;
            var communeId = commune.Id;
            // Stored only if no write marked the row since it was read; otherwise it stays stale for the next pass.
            var stored = await db.Set<CommuneYearFigures>()
                .Where(f => f.CommuneId == communeId && f.Year == year && f.Revision == revision)
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.FiguresJson, json).SetProperty(f => f.ComputedAt, at).SetProperty(f => f.Stale, false), ct);
            if (stored == 1)
            {
                done[commune.Id] = new CommuneFigures(commune, Parse(json), at);
            }
        }

        return done;
    }

    private async Task InsertPlaceholdersAsync(IReadOnlyList<int> communeIds, int year, CancellationToken ct)
    {
        var at = time.GetUtcNow().UtcDateTime;
        foreach (var chunk in communeIds.Chunk(200))
        {
            var parameters = new List<object> { year, at };
            var values = new List<string>();
            foreach (var id in chunk)
            {
                parameters.Add(id);
                values.Add($"({{{parameters.Count - 1}}}, {{0}}, '{{{{}}}}', {{1}}, TRUE, 0)");
            }

            // ON CONFLICT DO NOTHING is the same in SQLite and PostgreSQL: another process may have inserted the row meanwhile.
            var sql = "INSERT INTO \"CommuneYearFigures\" (\"CommuneId\", \"Year\", \"FiguresJson\", \"ComputedAt\", \"Stale\", \"Revision\") VALUES "
                + string.Join(", ", values) + " ON CONFLICT (\"CommuneId\", \"Year\") DO NOTHING";
            await db.Database.ExecuteSqlRawAsync(sql, parameters, ct);
        }
    }

    private static IReadOnlyDictionary<string, JsonElement> Parse(string json) =>
        string.IsNullOrEmpty(json) ? NoFigures : JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json) ?? NoFigures;
}
