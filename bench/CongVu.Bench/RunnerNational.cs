using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CongVu.Bench.Data;
using CongVu.Bench.LoadGen;
using Npgsql;

namespace CongVu.Bench;

/// <summary>
/// The national run (bench/run.sh --national): a throwaway PostgreSQL, the app's schema, national-scale data by
/// binary COPY, the figures rebuild, then the overseers' dashboard against one hand-written SQL query over the
/// raw tables computing the same per-commune aggregate.
/// </summary>
public sealed partial class Runner
{
    private const string NationalOverseer = "quocgia.giamsat";
    private const string ProvinceOverseer = "tinh01.giamsat";
    private const int SequentialRequests = 30;

    private static readonly string[] LoadedTables = ["OrgUnits", "People", "Memberships", "MembershipPeriods", "RatingYear", "Pledge", "RatingDecision", "FeedbackItems", "Dossiers", "PortalVisitDays"];

    private Dictionary<string, string> PostgresEnv(string connectionString, bool demo)
    {
        var env = AppEnv(demo);
        env.Remove("Database__SqlitePath");
        env["Database__Provider"] = "Postgres";
        env["Database__ConnectionString"] = connectionString;
        return env;
    }

    /// <summary>Runs `dotnet CongVu.dll &lt;args&gt;` to its end (bounded), returning exit code and output.</summary>
    private async Task<(int Code, string Output, TimeSpan Elapsed)> AppCommandAsync(Dictionary<string, string> env, TimeSpan timeout, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(AppDll)!,
        };
        psi.ArgumentList.Add(AppDll);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (k, v) in env)
        {
            psi.Environment[k] = v;
        }

        var sw = Stopwatch.StartNew();
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("could not start the app's command");
        if (o.PidFile is not null)
        {
            await File.AppendAllTextAsync(o.PidFile, p.Id.ToString(CultureInfo.InvariantCulture) + Environment.NewLine);
        }

        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await p.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"`{string.Join(' ', args)}` did not finish within {timeout.TotalMinutes:0} min");
        }

        return (p.ExitCode, (await output + await error).Trim(), sw.Elapsed);
    }

    private async Task<int> NationalAsync()
    {
        _report.Settings["mode"] = "national";
        _report.Settings["national factor"] = o.NationalFactor.ToString("0.###", CultureInfo.InvariantCulture);
        _report.Settings["national load"] = o.NationalDropIndexes ? "binary COPY, secondary indexes dropped and rebuilt per table" : "binary COPY into indexed tables";
        _report.Settings["load"] = $"sequential {SequentialRequests} requests after 3 warm-up; wrk -t{Wrk.Threads} -c8 -d{o.Seconds}s after {o.WarmSeconds}s warm-up";
        var pg = await PgCluster.StartAsync(_work, Log, o.PidFile);
        _pg = pg;
        _report.Settings["database"] = $"PostgreSQL {pg.Version} (throwaway cluster, fsync on, shared_buffers 1GB)";
        const string db = "congvu_national";
        await pg.CreateDatabaseAsync(db);
        var cs = pg.ConnectionString(db);
        var env = PostgresEnv(cs, demo: false);

        // The app creates its schema and reference data itself: one start on the empty database, then stopped.
        Log("national: schema and reference data by the app (one start, Demo__Enabled=false)");
        var (first, ready) = await StartAsync("congvu-schema", AppDll, env, "/health", TimeSpan.FromSeconds(300));
        await first.DisposeAsync();
        Log($"  schema ready in {ready.TotalSeconds:0.0} s");

        Log(string.Create(CultureInfo.InvariantCulture, $"national: generating F={o.NationalFactor} (binary COPY into the app's tables)"));
        var gen = await NationalGenerator.RunAsync(cs, o.NationalFactor, o.Seed, o.NationalDropIndexes, Log);
        foreach (var t in gen.Tables)
        {
            _report.Scenarios.Add(new Scenario
            {
                Id = "copy-" + t.Table,
                Title = $"binary COPY into {t.Table}",
                Scale = "national",
                Value = t.RowsPerSecond,
                Unit = "rows/s",
                Goal = Goal.None,
                Note = string.Create(CultureInfo.InvariantCulture, $"{t.Rows:N0} rows in {t.Seconds:0.0} s, one transaction, {(o.NationalDropIndexes ? "non-unique secondary indexes dropped before and rebuilt after (time included); keys, unique indexes and foreign keys in place." : "into the table with its indexes, constraints and foreign keys in place.")}"),
            });
        }

        _report.Notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"National data (F={o.NationalFactor}, seed {o.Seed}): {gen.Provinces} provinces + a central node, {gen.Communes:N0} communes, {gen.Cells:N0} cells, {gen.Members:N0} members, {gen.TotalRows:N0} rows loaded in {gen.Elapsed.TotalSeconds:0} s ({gen.TotalRows / gen.Elapsed.TotalSeconds:N0} rows/s overall, ANALYZE included)."));
        await TableSizesAsync(cs);

        // Two overseers, created by the app's own command, then given the overseer role instead of admin in Identity's tables.
        await CreateOverseerAsync(env, cs, NationalOverseer, NationalGenerator.CentralCode, "Giám sát toàn quốc (dữ liệu thử)");
        await CreateOverseerAsync(env, cs, ProvinceOverseer, NationalGenerator.FirstProvinceCommitteeCode, "Giám sát tỉnh 01 (dữ liệu thử)");

        var rebuild = new Scenario { Id = "rebuild-figures", Title = "`dotnet CongVu.dll rebuild-figures` (pre-aggregated CommuneYearFigures)", Scale = "national", Unit = "s", Goal = Goal.None };
        _report.Scenarios.Add(rebuild);
        var (code, output, took) = await AppCommandAsync(env, TimeSpan.FromMinutes(20), "rebuild-figures");
        var rebuilt = code == 0;
        if (rebuilt)
        {
            rebuild.Value = took.TotalSeconds;
            rebuild.Note = "Whole process, start-up included. Output: " + Last(output);
        }
        else if (output.Contains("Unknown command", StringComparison.OrdinalIgnoreCase))
        {
            rebuild.Verdict = "not yet measured";
            rebuild.Gap = "not available: this build of the app does not know the command";
        }
        else
        {
            rebuild.Verdict = "failed";
            rebuild.Gap = $"exit code {code}: {Last(output)}";
        }

        Log($"  rebuild-figures: {(rebuilt ? $"{took.TotalSeconds:0.0} s" : rebuild.Gap)}");

        var (app, appReady) = await StartAsync("congvu-national", AppDll, env, "/health", TimeSpan.FromSeconds(300));
        _app = app;
        Log($"  CongVu up on the national database in {appReady.TotalSeconds:0.0} s");
        var national = new FormSession(FormSession.CreateClient(2), app.BaseUrl);
        if (!await national.SignInAsync(NationalOverseer, Password))
        {
            throw new InvalidOperationException("could not sign in as " + NationalOverseer);
        }

        // The overseers' communes overview; until it exists, the indicator dashboard stands in, labelled as such.
        var dashboard = "/staff/cac-xa?nam=2024";
        var probe = await national.GetAsync(dashboard);
        var isOverview = probe.Status == 200;
        if (!isOverview)
        {
            Log($"  {dashboard} answered {probe.Status}: falling back to /staff/chi-tieu");
            dashboard = "/staff/chi-tieu";
        }

        var sql = await BaselineSqlAsync(cs, NationalGenerator.CentralCode);
        var cookie = "Cookie: " + national.CookieHeader;
        var seq = await SequentialAsync(app, dashboard, national.CookieHeader);
        var dash = new Scenario
        {
            Id = "dashboard-national",
            Title = isOverview ? "national overseer: communes overview /staff/cac-xa?nam=2024 (median of sequential requests)" : "national overseer: /staff/chi-tieu, STAND-IN (the communes overview /staff/cac-xa is not in this build)",
            Scale = "national",
            BaselineTitle = "one hand-written SQL query over the raw tables, same per-commune aggregate (Npgsql, median of 5)",
            Value = seq.P50Ms,
            BaselineValue = sql.MedianMs,
            Unit = "ms",
            Goal = new Goal("≤ 2× hand-written SQL, < 500 ms", MaxRatio: 2, MaxValue: 500),
            Note = string.Create(CultureInfo.InvariantCulture, $"{seq.Requests} sequential requests: p50 {seq.P50Ms:0.0} ms, p99 {seq.P99Ms:0.0} ms, {seq.Errors} errors; SQL runs {string.Join(", ", sql.Runs.Select(r => r.ToString("0.0", CultureInfo.InvariantCulture)))} ms ({sql.Rows:N0} rows), EXPLAIN ANALYZE execution time {sql.ExplainMs:0.0} ms. {(rebuilt ? "After rebuild-figures." : "rebuild-figures did not run.")}"),
        };
        dash.Judge();
        if (seq.Errors > 0)
        {
            dash.Verdict = "not met";
            dash.Gap = (dash.Gap is null ? string.Empty : dash.Gap + "; ") + $"{seq.Errors} non-200 answers";
        }

        _report.Scenarios.Add(dash);
        Log(string.Create(CultureInfo.InvariantCulture, $"  dashboard {dashboard}: p50 {seq.P50Ms:0.0} ms p99 {seq.P99Ms:0.0} ms vs SQL {sql.MedianMs:0.0} ms (EXPLAIN ANALYZE {sql.ExplainMs:0.0} ms) → {dash.Ratio:0.00} {dash.Verdict}"));

        var saved = Wrk.Connections;
        Wrk.Connections = 8;
        try
        {
            var load = new Scenario { Id = "dashboard-national-wrk", Title = $"national overseer {dashboard} under load (wrk, 8 connections)", Scale = "national", Goal = Goal.None };
            if (seq.P50Ms < 5_000)
            {
                load.App = await MeasureWrkAsync(app, dashboard, [cookie]);
                load.Judge();
            }
            else
            {
                // Every request would outlast wrk's 5 s timeout and keep the server busy long after the run.
                load.Verdict = "not yet measured";
                load.Gap = string.Create(CultureInfo.InvariantCulture, $"skipped: one request takes {seq.P50Ms / 1000:0.0} s, beyond wrk's 5 s timeout");
            }

            _report.Scenarios.Add(load);
            Log(load.App is null ? "  wrk 8 connections: " + load.Gap : string.Create(CultureInfo.InvariantCulture, $"  wrk 8 connections: {load.App.Rps:0.0} req/s p99 {load.App.P99Ms:0} ms"));

            // A province overseer's view of the same page.
            var province = new FormSession(FormSession.CreateClient(2), app.BaseUrl);
            if (await province.SignInAsync(ProvinceOverseer, Password))
            {
                var provSql = await BaselineSqlAsync(cs, NationalGenerator.FirstProvinceCommitteeCode);
                var ps = await SequentialAsync(app, dashboard, province.CookieHeader);
                var prov = new Scenario
                {
                    Id = "dashboard-province",
                    Title = $"province overseer ({gen.Communes / gen.Provinces:0}–{(gen.Communes + gen.Provinces - 1) / gen.Provinces} communes): {dashboard}" + (isOverview ? string.Empty : " (STAND-IN)"),
                    Scale = "national",
                    BaselineTitle = "the same SQL restricted to the province",
                    Value = ps.P50Ms,
                    BaselineValue = provSql.MedianMs,
                    Unit = "ms",
                    Goal = new Goal("≤ 2× hand-written SQL, < 500 ms", MaxRatio: 2, MaxValue: 500),
                    Note = string.Create(CultureInfo.InvariantCulture, $"p50 {ps.P50Ms:0.0} ms, p99 {ps.P99Ms:0.0} ms, {ps.Errors} errors; SQL median {provSql.MedianMs:0.0} ms, EXPLAIN ANALYZE {provSql.ExplainMs:0.0} ms."),
                };
                prov.Judge();
                _report.Scenarios.Add(prov);
                Log(string.Create(CultureInfo.InvariantCulture, $"  province page p50 {ps.P50Ms:0.0} ms vs SQL {provSql.MedianMs:0.0} ms"));
            }
            else
            {
                _report.Scenarios.Add(new Scenario { Id = "dashboard-province", Title = "province overseer dashboard", Scale = "national", Goal = Goal.None, Verdict = "failed", Gap = "could not sign in as " + ProvinceOverseer });
            }

            var summaryPath = $"/api/v1/public/summary?commune={NationalGenerator.FirstCommuneCode}&year=2024";
            // The first request of another commune is computed afresh (the figures cache keeps it for a minute).
            var fresh = Stopwatch.StartNew();
            using (var http = FormSession.CreateClient(1))
            {
                http.Timeout = TimeSpan.FromMinutes(5);
                using var freshAnswer = await http.GetAsync(app.BaseUrl + $"/api/v1/public/summary?commune={NationalGenerator.Code(1)}&year=2024");
                await freshAnswer.Content.ReadAsByteArrayAsync();
            }

            var freshMs = fresh.Elapsed.TotalMilliseconds;
            var ss = await SequentialAsync(app, summaryPath, null);
            var summary = new Scenario
            {
                Id = "summary-national",
                Title = $"one commune's public summary at national scale {summaryPath} (wrk, 8 connections)",
                Scale = "national",
                Goal = Goal.None,
                Note = string.Create(CultureInfo.InvariantCulture, $"Sequential (served from the figures cache): p50 {ss.P50Ms:0.0} ms, p99 {ss.P99Ms:0.0} ms, {ss.Errors} errors; the first request for another commune (computed afresh) {freshMs:0} ms."),
            };
            summary.App = await MeasureWrkAsync(app, summaryPath);
            summary.Judge();
            _report.Scenarios.Add(summary);
            Log(string.Create(CultureInfo.InvariantCulture, $"  summary API: sequential p50 {ss.P50Ms:0.0} ms; wrk {summary.App.Rps:0} req/s p99 {summary.App.P99Ms:0.0} ms"));
        }
        finally
        {
            Wrk.Connections = saved;
        }

        var peak = _report.Scenarios.Where(x => x.Scale == "national" && x.App is { Target: "CongVu" }).Select(x => x.App!.PeakRssMb).DefaultIfEmpty(0).Max();
        _report.Notes.Add(string.Create(CultureInfo.InvariantCulture, $"Peak RSS of CongVu during the national load runs: {peak:0} MB; start-up on the national database {appReady.TotalMilliseconds:0} ms to /health."));
        return 0;
    }

    private sealed record SqlTiming(double MedianMs, List<double> Runs, double ExplainMs, long Rows);

    /// <summary>
    /// The baseline: one query over the raw tables giving, per commune under the root for 2024, party cells, members,
    /// exempt members, the pledge rate, rating counts per level and the share of dossiers returned on time.
    /// </summary>
    private static async Task<SqlTiming> BaselineSqlAsync(string cs, string rootCode)
    {
        const string sql = """
            WITH root AS (SELECT "Path" FROM "OrgUnits" WHERE "Code" = @root),
            committees AS (
                SELECT k."Id", k."AdminUnitId" AS commune_id, k."Name"
                FROM "OrgUnits" k, root
                WHERE k."Kind" = 13 AND k."Path" LIKE root."Path" || '%'),
            cells AS (
                SELECT c."Id", c."ParentId" AS committee_id FROM "OrgUnits" c JOIN committees k ON c."ParentId" = k."Id" WHERE c."Kind" = 14),
            members AS (
                SELECT c.committee_id, count(*) AS members, count(*) FILTER (WHERE m."Status" = 2) AS exempt
                FROM "Memberships" m JOIN cells c ON c."Id" = m."OrgUnitId"
                WHERE m."Status" IN (1, 2) GROUP BY c.committee_id),
            years AS (
                SELECT y."Id", y."CommitteeId" FROM "RatingYear" y JOIN committees k ON k."Id" = y."CommitteeId" WHERE y."Year" = @year),
            pledges AS (
                SELECT y."CommitteeId" AS committee_id, count(*) FILTER (WHERE p."State" IN (2, 3)) AS pledged
                FROM "Pledge" p JOIN years y ON y."Id" = p."RatingYearId" WHERE p."PersonId" IS NOT NULL GROUP BY y."CommitteeId"),
            ratings AS (
                SELECT y."CommitteeId" AS committee_id,
                       count(*) FILTER (WHERE d."Level" = 4) AS excellent, count(*) FILTER (WHERE d."Level" = 3) AS good,
                       count(*) FILTER (WHERE d."Level" = 2) AS completed, count(*) FILTER (WHERE d."Level" = 1) AS not_completed
                FROM "RatingDecision" d JOIN years y ON y."Id" = d."RatingYearId"
                WHERE d."IsCurrent" AND d."State" = 3 GROUP BY y."CommitteeId"),
            dossiers AS (
                SELECT d."OrgUnitId" AS commune_id, count(*) FILTER (WHERE d."ReturnedOn" <= d."DueOn") AS on_time, count(*) AS total
                FROM "Dossiers" d JOIN committees k ON k.commune_id = d."OrgUnitId"
                WHERE d."ReceivedOn" >= make_date(@year, 1, 1) AND d."ReceivedOn" < make_date(@year + 1, 1, 1) GROUP BY d."OrgUnitId")
            SELECT k."Id", k."Name",
                   (SELECT count(*) FROM cells c WHERE c.committee_id = k."Id") AS cells,
                   coalesce(m.members, 0) AS members, coalesce(m.exempt, 0) AS exempt,
                   round(100.0 * coalesce(p.pledged, 0) / nullif(coalesce(m.members, 0) - coalesce(m.exempt, 0), 0), 1) AS pledge_rate,
                   coalesce(r.excellent, 0), coalesce(r.good, 0), coalesce(r.completed, 0), coalesce(r.not_completed, 0),
                   round(100.0 * d.on_time / nullif(d.total, 0), 1) AS dossiers_on_time
            FROM committees k
            LEFT JOIN members m ON m.committee_id = k."Id"
            LEFT JOIN pledges p ON p.committee_id = k."Id"
            LEFT JOIN ratings r ON r.committee_id = k."Id"
            LEFT JOIN dossiers d ON d.commune_id = k.commune_id
            ORDER BY k."Name"
            """;
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        async Task<long> RunOnce()
        {
            await using var cmd = new NpgsqlCommand(sql, conn);
            cmd.Parameters.AddWithValue("root", rootCode);
            cmd.Parameters.AddWithValue("year", 2024);
            await using var r = await cmd.ExecuteReaderAsync();
            long n = 0;
            while (await r.ReadAsync())
            {
                for (var i = 0; i < r.FieldCount; i++)
                {
                    _ = r.GetValue(i);
                }

                n++;
            }

            return n;
        }

        var rows = await RunOnce();
        var runs = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var sw = Stopwatch.StartNew();
            await RunOnce();
            runs.Add(sw.Elapsed.TotalMilliseconds);
        }

        double explain = double.NaN;
        await using (var cmd = new NpgsqlCommand("EXPLAIN (ANALYZE, FORMAT TEXT) " + sql, conn))
        {
            cmd.Parameters.AddWithValue("root", rootCode);
            cmd.Parameters.AddWithValue("year", 2024);
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                if (ExecutionTimeRx().Match(r.GetString(0)) is { Success: true } m)
                {
                    explain = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                }
            }
        }

        return new SqlTiming(Median(runs), runs, explain, rows);
    }

    /// <summary>Requests one after the other (3 warm-up first, 1 for a page slower than 5 s), as one user opening the page: median and p99 (the highest of 30).</summary>
    private static async Task<Measure> SequentialAsync(Server app, string path, string? cookie)
    {
        await QuiesceAsync(app);
        using var http = FormSession.CreateClient(1);
        http.Timeout = TimeSpan.FromMinutes(10);
        var times = new List<double>();
        long errors = 0;
        var cpu0 = 0.0;
        var budget = Stopwatch.StartNew();
        var warm = 3;
        for (var i = 0; i < SequentialRequests + warm; i++)
        {
            // Bounded: once 90 s have passed, stop (a page of several seconds gets fewer requests; the count is reported).
            if (times.Count >= 1 && budget.Elapsed > TimeSpan.FromSeconds(90))
            {
                break;
            }

            if (i == warm)
            {
                cpu0 = app.CpuSeconds();
                app.ResetPeak();
            }

            using var req = new HttpRequestMessage(HttpMethod.Get, app.BaseUrl + path);
            if (cookie is not null)
            {
                req.Headers.TryAddWithoutValidation("Cookie", cookie);
            }

            var sw = Stopwatch.StartNew();
            var ok = false;
            try
            {
                using var res = await http.SendAsync(req);
                await res.Content.ReadAsByteArrayAsync();
                ok = res.StatusCode == HttpStatusCode.OK;
            }
            catch (TaskCanceledException)
            {
            }

            var ms = sw.Elapsed.TotalMilliseconds;
            if (i < warm && ms > 5_000)
            {
                // A page this slow is warm after one request; the time goes to measured ones instead.
                warm = i + 1;
                cpu0 = app.CpuSeconds();
                app.ResetPeak();
                continue;
            }

            if (i >= warm)
            {
                times.Add(ms);
                if (!ok)
                {
                    errors++;
                }
            }
        }

        var sorted = times.Order().ToList();
        var p99 = sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(0.99 * sorted.Count) - 1)];
        return new Measure("CongVu", path, "sequential", 1000.0 * times.Count / times.Sum(), Median(times), p99, times.Count, errors, times.Sum() / 1000, app.CpuSeconds() - cpu0, app.PeakRssMb());
    }

    private async Task CreateOverseerAsync(Dictionary<string, string> env, string cs, string user, string unitCode, string name)
    {
        var (code, output, _) = await AppCommandAsync(env, TimeSpan.FromMinutes(5), "create-admin", "--user", user, "--unit", unitCode, "--name", name, "--password", Password);
        if (code != 0)
        {
            throw new InvalidOperationException($"create-admin {user} failed: {Last(output)}");
        }

        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            UPDATE "AspNetUserRoles" SET "RoleId" = (SELECT "Id" FROM "AspNetRoles" WHERE "Name" = 'overseer')
            WHERE "UserId" = (SELECT "Id" FROM "AspNetUsers" WHERE "UserName" = @u)
            """, conn);
        cmd.Parameters.AddWithValue("u", user);
        if (await cmd.ExecuteNonQueryAsync() != 1)
        {
            throw new InvalidOperationException("could not give " + user + " the overseer role");
        }
    }

    private async Task TableSizesAsync(string cs)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        var parts = new List<string>();
        long total = 0;
        foreach (var t in LoadedTables)
        {
            await using var cmd = new NpgsqlCommand($"SELECT pg_table_size('\"{t}\"'), pg_indexes_size('\"{t}\"'), pg_total_relation_size('\"{t}\"')", conn);
            await using var r = await cmd.ExecuteReaderAsync();
            await r.ReadAsync();
            var (table, index, all) = (r.GetInt64(0), r.GetInt64(1), r.GetInt64(2));
            total += all;
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{t} {all / 1048576.0:N0} MB (table {table / 1048576.0:N0} + indexes {index / 1048576.0:N0})"));
        }

        var dbSize = await NationalGenerator.ScalarAsync<long>(conn, "SELECT pg_database_size(current_database())");
        var line = string.Create(CultureInfo.InvariantCulture, $"Sizes after the load (pg_total_relation_size): {string.Join("; ", parts)}; these tables {total / 1048576.0:N0} MB, whole database {dbSize / 1048576.0:N0} MB.");
        _report.Notes.Add(line);
        Log("  " + line);
    }

    private static string Last(string output)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? "(no output)" : string.Join(" / ", lines.TakeLast(2));
    }

    [GeneratedRegex(@"Execution Time: ([\d.]+) ms")]
    private static partial Regex ExecutionTimeRx();
}
