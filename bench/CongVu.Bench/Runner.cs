using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using CongVu.Bench.Data;
using CongVu.Bench.LoadGen;

namespace CongVu.Bench;

public sealed partial class Runner(BenchOptions o)
{
    private const string Admin = "vanphong.tieucan";
    private const string Overseer = "tinhuy.vinhlong";
    private const string Password = "CongVu-demo-2026";

    private static readonly JsonSerializerOptions JsonOut = new() { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    private readonly string _work = Directory.CreateTempSubdirectory("congvu-bench-").FullName;
    private RunReport _report = null!;
    private Server? _baseline;
    private Server? _app;
    private PgCluster? _pg;
    private string _dbPath = string.Empty;
    private string _postScript = string.Empty;

    private string AppDll => Path.Combine(o.Root, "bench/out/congvu/CongVu.dll");

    private string BaselineDll => Path.Combine(o.Root, "bench/out/baseline/CongVu.Baseline.dll");

    private static void Log(string line) => Console.WriteLine($"[{TimeProvider.System.GetUtcNow():HH:mm:ss}] {line}");

    public async Task<int> RunAsync()
    {
        Server.PidFile = o.PidFile;
        foreach (var dll in new[] { AppDll, BaselineDll })
        {
            if (!File.Exists(dll))
            {
                await Console.Error.WriteLineAsync($"{dll} is missing: publish it first (bench/run.sh does).");
                return 2;
            }
        }

        _dbPath = Path.Combine(_work, "congvu.db");
        _postScript = Path.Combine(_work, "post.lua");
        if (o.Smoke)
        {
            Wrk.Connections = 8;
        }

        await File.WriteAllTextAsync(_postScript, "wrk.method = \"POST\"\nwrk.body = \"body=G%C3%B3p+%C3%BD+v%E1%BB%81+%C4%91%C6%B0%E1%BB%9Dng+%E1%BA%A5p\"\nwrk.headers[\"Content-Type\"] = \"application/x-www-form-urlencoded\"\n");
        _report = new RunReport
        {
            StartedAtUtc = TimeProvider.System.GetUtcNow().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
            Machine = Machine(),
            Settings = new()
            {
                ["mode"] = o.Smoke ? "smoke" : o.Database == "postgres" ? "commune-scale GETs on PostgreSQL" : "full",
                ["load"] = o.Smoke ? $"wrk -t{Wrk.Threads} -c{Wrk.Connections} -d1s, no warm-up" : $"wrk -t{Wrk.Threads} -c{Wrk.Connections} -d{o.Seconds}s after {o.WarmSeconds}s warm-up; form flows {o.SignInWorkers} workers × {o.Seconds}s",
                ["database"] = "SQLite (WAL, synchronous=FULL, app default)",
                ["seed"] = o.Seed.ToString(CultureInfo.InvariantCulture),
            },
        };
        Log($"work dir {_work}");
        var sw = Stopwatch.StartNew();
        try
        {
            if (o.Smoke)
            {
                return await SmokeAsync();
            }

            if (o.Only == "import")
            {
                (_app, _) = await StartAsync("congvu", AppDll, AppEnv(), "/health", TimeSpan.FromSeconds(300));
                await ImportAsync();
                return 0;
            }

            if (o.Only == "visits")
            {
                await VisitorCountingAsync();
                return 0;
            }

            if (o.Only is "staff" or "feedback")
            {
                // One group of scenarios with its baselines, for tuning it (not a full run's table).
                (_baseline, _) = await StartAsync("baseline", BaselineDll, BaselineEnv(), "/plaintext", TimeSpan.FromSeconds(60));
                (_app, _) = await StartAsync("congvu", AppDll, AppEnv(), "/health", TimeSpan.FromSeconds(300));
                await (o.Only == "staff" ? StaffPagesAsync(_app) : FeedbackFlowAsync(_app));
                return 0;
            }

            if (o.National)
            {
                return await NationalAsync();
            }

            if (o.Database == "postgres")
            {
                // Only the commune-scale GETs on PostgreSQL: a short run of its own.
                await CommuneScalePostgresAsync();
                return 0;
            }

            await StartupAsync();
            await CommuneScaleAsync();
            await VisitorCountingAsync();
            await YearlyReportAsync();
            await ImportAsync();
            if (o.Communes > 0)
            {
                await ProvinceScaleAsync();
                await ProvinceOverviewAsync();
            }

            if (o.Database == "both" && PgCluster.FindBin() is null)
            {
                _report.Notes.Add("PostgreSQL rows skipped: no PostgreSQL server binaries under /usr/lib/postgresql on this machine.");
            }
            else if (o.Database == "both")
            {
                await CommuneScalePostgresAsync();
            }

            NotYetMeasured();
            return 0;
        }
        catch (Exception e)
        {
            _report.Notes.Add("The run stopped early: " + e.Message.Split('\n')[0]);
            await Console.Error.WriteLineAsync(e.ToString());
            return 1;
        }
        finally
        {
            if (_app is not null)
            {
                await _app.DisposeAsync();
            }

            if (_baseline is not null)
            {
                await _baseline.DisposeAsync();
            }

            if (_pg is not null)
            {
                await _pg.StopAsync(keep: o.Keep);
            }

            _report.Machine["load average (end)"] = (await File.ReadAllTextAsync("/proc/loadavg")).Split(' ')[0..3].Aggregate((a, b) => a + " " + b);
            _report.FinishedAtUtc = TimeProvider.System.GetUtcNow().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
            _report.Settings["duration"] = $"{sw.Elapsed.TotalMinutes:0.0} min";
            var failed = await WriteAsync();
            if (!o.Keep && !failed)
            {
                // Databases and logs of a good run are of no further use; a failed run keeps them for reading.
                Directory.Delete(_work, recursive: true);
            }
        }
    }

    // ---- processes -----------------------------------------------------------------------------------

    private Dictionary<string, string> AppEnv(bool demo = true) => new()
    {
        ["Database__SqlitePath"] = _dbPath,
        ["Demo__Enabled"] = demo ? "true" : "false",
        // The sign-in flow is load-tested: its per-address limit (30/min) would otherwise answer 429 after a second.
        ["RateLimits__SignInPerMinute"] = "1000000",
        // The feedback flow is load-tested too: the public-form limit and the 3-second minimum fill time would
        // otherwise turn it into a test of the anti-abuse rules (which have tests of their own).
        ["RateLimits__PublicFormPerMinute"] = "1000000",
        ["Feedback__MinFillSeconds"] = "0",
        ["Logging__LogLevel__Default"] = "Warning",
    };

    private async Task<(Server Server, TimeSpan Ready)> StartAsync(string name, string dll, Dictionary<string, string> env, string readyPath, TimeSpan timeout)
    {
        // Published folders: the content root (wwwroot, appsettings.json) is the folder the DLL sits in.
        var contentRoot = Path.GetDirectoryName(dll)!;
        var s = Server.Start(name, dll, Server.FreePort(), env, _work, contentRoot);
        try
        {
            return (s, await s.WaitFor200Async(readyPath, timeout));
        }
        catch
        {
            await s.DisposeAsync();
            throw;
        }
    }

    private Dictionary<string, string> BaselineEnv() => new()
    {
        ["Baseline__SqlitePath"] = Path.Combine(_work, "baseline.db"),
        ["BASELINE_ITEMS"] = "3",
    };

    // ---- scenarios -----------------------------------------------------------------------------------

    private async Task<int> SmokeAsync()
    {
        // Short and self-checking: both processes start, wrk runs a second against each, figures are written.
        (_baseline, _) = await StartAsync("baseline", BaselineDll, BaselineEnv(), "/plaintext", TimeSpan.FromSeconds(60));
        (_app, var ready) = await StartAsync("congvu", AppDll, AppEnv(demo: false), "/health", TimeSpan.FromSeconds(120));
        Log($"CongVu up in {ready.TotalSeconds:0.00} s (fresh database, migrations, no demo)");
        var s = new Scenario { Id = "smoke-health", Title = "smoke: GET /health", BaselineTitle = "minimal API /plaintext", Goal = Goal.None };
        s.Baseline = await MeasureWrkAsync(_baseline, "/plaintext", seconds: 1, warm: 0);
        s.App = await MeasureWrkAsync(_app, "/health", seconds: 1, warm: 0);
        s.Judge();
        _report.Scenarios.Add(s);
        var ok = s.App.Requests > 0 && s.App.Errors == 0 && s.Baseline.Requests > 0;
        Log(ok ? "smoke passed" : "smoke FAILED: no requests or errors");
        return ok ? 0 : 1;
    }

    private async Task StartupAsync()
    {
        Log("start-up: bare app, 3 starts to its first page");
        var bare = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            var (s, t) = await StartAsync("baseline", BaselineDll, BaselineEnv(), "/page", TimeSpan.FromSeconds(60));
            bare.Add(t.TotalMilliseconds);
            if (i < 2)
            {
                await s.DisposeAsync();
            }
            else
            {
                _baseline = s;
            }
        }

        Log("start-up: CongVu on an empty database (migrations + demo commune)");
        var (first, firstReady) = await StartAsync("congvu", AppDll, AppEnv(), "/health", TimeSpan.FromSeconds(300));
        await first.DisposeAsync();
        var times = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            var (s, t) = await StartAsync("congvu", AppDll, AppEnv(), "/", TimeSpan.FromSeconds(120));
            times.Add(t.TotalMilliseconds);
            if (i < 2)
            {
                await s.DisposeAsync();
            }
            else
            {
                _app = s;
            }
        }

        var sc = new Scenario
        {
            Id = "startup",
            Title = "start-up to first 200 of / on an existing database (median of 3)",
            BaselineTitle = "bare ASP.NET Core app to its first Razor page",
            Value = Median(times),
            BaselineValue = Median(bare),
            Unit = "ms",
            Goal = new Goal("< 2× the bare app", MaxRatio: 2),
            Note = $"CongVu {string.Join(", ", times.Select(t => t.ToString("0", CultureInfo.InvariantCulture)))} ms; bare {string.Join(", ", bare.Select(t => t.ToString("0", CultureInfo.InvariantCulture)))} ms; "
                + $"first start on an empty database (migrations + demo seed) {firstReady.TotalMilliseconds:0} ms to /health.",
        };
        sc.Judge();
        _report.Scenarios.Add(sc);
        Log($"  CongVu {sc.Value:0} ms vs bare {sc.BaselineValue:0} ms");
    }

    private async Task CommuneScaleAsync()
    {
        var app = _app!;
        try
        {
            await PageWeightAsync(app);
        }
        catch (InvalidOperationException e)
        {
            _report.Scenarios.Add(new Scenario { Id = "page-weight", Title = "page weight of the public home", Goal = new Goal("< 100 KB, no JavaScript required"), Verdict = "failed", Gap = e.Message });
        }
        var health = await PairAsync("health", "GET /health", app, "/health", null, "/plaintext", "minimal API /plaintext", Goal.None);
        health.Note = "No goal in benchmarks.md; shows the fixed cost of CongVu's middleware (security headers, localisation, scope) plus a database ping.";
        await PairAsync("summary-api", "GET /api/v1/public/summary?commune=tieu-can", app, "/api/v1/public/summary?commune=tieu-can", null, "/json", "minimal API /json", Goal.None);
        await PairAsync("home", "public home page /", app, "/", null, "/page", "bare Razor page of similar size",
            new Goal("≥ 0.5, p99 < 20 ms", MinRatio: 0.5, MaxP99Ms: 20), acceptEncoding: true);
        await PairAsync("signin-page", "sign-in page GET (antiforgery token)", app, "/tai-khoan/dang-nhap", null, "/form", "bare Razor form with antiforgery", Goal.None);

        await StaffPagesAsync(app);

        // POST flows through the real form: fetch, take token and cookie, post.
        await SignInFlowAsync(app);
        await FeedbackFlowAsync(app);

        // The baseline of the future feedback scenario, measured now so its figure is on record.
        var ado = new Scenario
        {
            Id = "baseline-ado-insert",
            Title = "raw ADO.NET single-row insert over HTTP (baseline only)",
            BaselineTitle = "—",
            Goal = Goal.None,
            Note = "The raw insert over HTTP with wrk (64 connections); the feedback scenario compares with the same insert driven as a form flow. SQLite WAL synchronous=FULL, a connection per request.",
        };
        ado.App = await MeasureWrkAsync(_baseline!, "/ado", script: _postScript);
        ado.Judge();
        _report.Scenarios.Add(ado);

        var peak = _report.Scenarios.Where(s => s.Scale == "commune" && s.App is { Target: "CongVu" }).Select(s => s.App!.PeakRssMb).DefaultIfEmpty(0).Max();
        var mem = new Scenario
        {
            Id = "memory-commune",
            Title = "peak RSS during the commune-scale load",
            Value = peak,
            Unit = "MB",
            Goal = new Goal("< 250 MB", MaxValue: 250),
            Note = $"Highest VmHWM over the commune-scale runs (reset before each run); RSS now {app.RssMb():0} MB.",
        };
        mem.Judge();
        _report.Scenarios.Add(mem);
    }

    /// <summary>Staff pages as the commune's office (admin of xã Tiểu Cần): member list, person record, review screen.</summary>
    private async Task StaffPagesAsync(Server app)
    {
        var session = new FormSession(FormSession.CreateClient(2), app.BaseUrl);
        if (!await session.SignInAsync(Admin, Password))
        {
            throw new InvalidOperationException("could not sign in as " + Admin);
        }

        var cookie = "Cookie: " + session.CookieHeader;
        var list = await session.GetAsync("/staff/people");
        var personId = PersonLinkRx().Match(list.Html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("no person on /staff/people");
        await PairAsync("staff-people", "staff member list /staff/people", app, "/staff/people", [cookie], "/page", "bare Razor page",
            new Goal("≥ 0.3, p99 < 50 ms", MinRatio: 0.3, MaxP99Ms: 50));
        var record = await PairAsync("staff-person", "person record /staff/people/{id}", app, $"/staff/people/{personId}", [cookie], "/page", "bare Razor page",
            new Goal("≥ 0.3, p99 < 50 ms", MinRatio: 0.3, MaxP99Ms: 50));
        record.Note = "Every read of a party record is written to the hash-chained audit log before the page is sent; concurrent reads share one commit (group commit).";
        await ReviewScreenAsync(app, session, cookie);

    }

    /// <summary>
    /// The public home with visitor counting on, against the same build with counting switched off: two fresh servers,
    /// each on a database of its own, side by side, measured in turn three times each, because one pair of 10-second
    /// runs moves by ±15 % on this shared machine, more than the cost being measured.
    /// </summary>
    private async Task VisitorCountingAsync()
    {
        // wrk sends no user agent, which the counter ignores as a non-browser: send a browser's, so every view is counted.
        string[] browser = ["User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36", "Accept-Encoding: br, gzip"];
        var s = new Scenario
        {
            Id = "visitor-counting",
            Title = "visitor counting: public home / with counting on",
            BaselineTitle = "the same page, same build, counting switched off (Portal__CountVisits=false), 3 runs each, alternating",
            Goal = new Goal("≥ 0.95 (counting costs < 5%)", MinRatio: 0.95),
            RatioByCpu = true,
            Note = "Both runs send a browser user agent, so each view goes through the counter (hash, visit, roll-up). After 5 s of warm-up each, runs go on, off, off, on, on, off. "
                + "The ratio is the cost: server CPU per view with counting off over CPU per view with it on, over all three runs each; req/s and latency are the median run's.",
        };
        _report.Scenarios.Add(s);
        Server? counting = null;
        Server? off = null;
        try
        {
            // Two fresh servers with the same history (the long-running one carries every earlier scenario's heap and caches).
            var onEnv = AppEnv();
            onEnv["Database__SqlitePath"] = Path.Combine(_work, "count.db");
            var offEnv = AppEnv();
            offEnv["Portal__CountVisits"] = "false";
            offEnv["Database__SqlitePath"] = Path.Combine(_work, "nocount.db");
            // The first start seeds each database; measuring after a restart keeps the seeding out of their memory.
            foreach (var (name, env) in new[] { ("congvu-count", onEnv), ("congvu-nocount", offEnv) })
            {
                var (seeding, _) = await StartAsync(name + "-seed", AppDll, env, "/health", TimeSpan.FromSeconds(300));
                await seeding.DisposeAsync();
            }

            (counting, _) = await StartAsync("congvu-count", AppDll, onEnv, "/", TimeSpan.FromSeconds(300));
            (off, _) = await StartAsync("congvu-nocount", AppDll, offEnv, "/", TimeSpan.FromSeconds(300));
            // Both servers warm up alike; then the order alternates (on, off / off, on / on, off) so neither side
            // always takes the earlier, colder slot: both sides' req/s still rise from run to run here.
            await MeasureWrkAsync(counting, "/", browser, seconds: 5, warm: 0);
            await MeasureWrkAsync(off, "/", browser, seconds: 5, warm: 0);
            var on = new List<Measure>();
            var offRuns = new List<Measure>();
            for (var i = 0; i < 3; i++)
            {
                if (i % 2 == 0)
                {
                    on.Add(await MeasureWrkAsync(counting, "/", browser));
                    offRuns.Add(await MeasureWrkAsync(off, "/", browser));
                }
                else
                {
                    offRuns.Add(await MeasureWrkAsync(off, "/", browser));
                    on.Add(await MeasureWrkAsync(counting, "/", browser));
                }
            }

            s.App = Pooled(on);
            s.Baseline = Pooled(offRuns);
            s.Note += FormattableString.Invariant($" Runs on: {string.Join(", ", on.Select(m => m.Rps.ToString("0", CultureInfo.InvariantCulture)))} req/s; off: {string.Join(", ", offRuns.Select(m => m.Rps.ToString("0", CultureInfo.InvariantCulture)))} req/s; req/s ratio of the medians {s.App.Rps / s.Baseline.Rps:0.00}.");
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or IOException)
        {
            s.Verdict = "failed";
            s.Gap = e.Message.Split('\n')[0];
        }
        finally
        {
            foreach (var server in new[] { counting, off })
            {
                if (server is not null)
                {
                    await server.DisposeAsync();
                }
            }
        }

        if (s.Verdict != "failed")
        {
            s.Judge();
        }

        Log($"  visitor counting: CPU per view off/on {s.Ratio:0.00}, req/s on/off {(s.App?.Rps ?? 0) / Math.Max(s.Baseline?.Rps ?? 1, 1):0.00}");
    }

    /// <summary>The median run's throughput and latency, with the requests, seconds and CPU of all runs (for a cost per request).</summary>
    private static Measure Pooled(List<Measure> runs) =>
        runs.OrderBy(m => m.Rps).ElementAt(runs.Count / 2) with
        {
            Requests = runs.Sum(m => m.Requests),
            Errors = runs.Sum(m => m.Errors),
            Seconds = runs.Sum(m => m.Seconds),
            CpuSeconds = runs.Sum(m => m.CpuSeconds),
            PeakRssMb = runs.Max(m => m.PeakRssMb),
        };

    private async Task SignInFlowAsync(Server app)
    {
        var s = new Scenario
        {
            Id = "signin-post",
            Title = "sign-in POST flow (GET form + POST credentials)",
            BaselineTitle = "bare form GET + POST with antiforgery",
            Goal = Goal.None,
            Note = "CongVu.LoadGen: each flow is a new visitor (fresh cookies); the password hash (PBKDF2, by design slow) and the audit entry dominate. Sign-in rate limit raised for this run only.",
        };
        s.Baseline = await MeasureFlowAsync(_baseline!, "/form", async (f, ct) =>
        {
            var page = await f.GetAsync("/form", ct);
            var r = await f.PostFormAsync("/form", [new("__RequestVerificationToken", FormSession.Token(page.Html)), new("UserName", "bench"), new("Password", "x")], ct);
            return r.Status == 302;
        });
        s.App = await MeasureFlowAsync(app, "/tai-khoan/dang-nhap", (f, ct) => f.SignInAsync(Admin, Password, ct));
        s.Judge();
        _report.Scenarios.Add(s);
        Log($"  {s.Title}: {s.App.Rps:0.0} flows/s vs {s.Baseline.Rps:0} (errors {s.App.Errors})");
    }

    /// <summary>A member's review page for a year as the committee's office sees it (evidence, pledges, ratings, discipline).</summary>
    private async Task ReviewScreenAsync(Server app, FormSession session, string cookie)
    {
        var roll = await session.GetAsync("/staff/reviews");
        var member = ReviewMemberRx().Match(roll.Html) is { Success: true } m ? m.Value.TrimStart('"') : throw new InvalidOperationException("no member on /staff/reviews");
        var s = await PairAsync("review-screen", "staff review decision screen /staff/reviews/{year}/members/{id}", app, member, [cookie], "/page", "bare Razor page",
            new Goal("≥ 0.3, p99 < 50 ms", MinRatio: 0.3, MaxP99Ms: 50));
        s.Note = $"{member}; the read of a review is audited like a party record (group-committed).";
    }

    /// <summary>A citizen files feedback through the real public form: GET the form (token, stamp), POST it, expect the tracking page.</summary>
    private async Task FeedbackFlowAsync(Server app)
    {
        var s = new Scenario
        {
            Id = "feedback-submit",
            Title = "citizen feedback through the real form (GET /gop-y + POST)",
            BaselineTitle = "bare form GET + raw ADO.NET single-row insert POST (/ado)",
            Goal = new Goal("≥ 0.3 of raw insert, p99 < 100 ms", MinRatio: 0.3, MaxP99Ms: 100),
            Note = "CongVu.LoadGen: each flow is a new visitor; anonymous feedback without photo; the public-form rate limit and minimum fill time are lifted for this run only. The submission, its audit entry and its deadline are committed before the answer.",
        };
        s.Baseline = await MeasureFlowAsync(_baseline!, "/form", async (f, ct) =>
        {
            var page = await f.GetAsync("/form", ct);
            var r = await f.PostFormAsync("/ado", [new("__RequestVerificationToken", FormSession.Token(page.Html)), new("body", "Đường ấp Cây Gòn bị ngập")], ct);
            return r.Status is 200 or 201;
        });
        s.App = await MeasureFlowAsync(app, "/gop-y", async (f, ct) =>
        {
            var page = await f.GetAsync("/gop-y?xa=tieu-can", ct);
            var stamp = StampRx().Match(page.Html) is { Success: true } m ? m.Groups[1].Value : string.Empty;
            var r = await f.PostFormAsync("/gop-y", [
                new("__RequestVerificationToken", FormSession.Token(page.Html)),
                new("Input.Stamp", System.Net.WebUtility.HtmlDecode(stamp)),
                new("Input.Website", string.Empty),
                new("Input.Kind", "PhanAnh"),
                new("Input.Xa", "tieu-can"),
                new("Input.Text", "Đèn đường ở ấp Cây Gòn không sáng từ tuần trước, đề nghị xã kiểm tra."),
                new("Input.Anonymity", "Anonymous"),
                new("Input.Consent", "false"),
            ], ct);
            return r.Status is 302 or 303;
        });
        s.Judge();
        _report.Scenarios.Add(s);
        Log($"  {s.Title}: {s.App.Rps:0.0} flows/s vs {s.Baseline.Rps:0} (errors {s.App.Errors})");
    }

    private async Task ImportAsync()
    {
        var app = _app!;
        var rows = (int)Math.Round(RegistryCsv.BaseRows * o.ImportFactor);
        var records = RegistryCsv.Generate(rows, o.Seed, RegistryCsv.DemoCellCodes());
        var xlsx = string.Equals(o.ImportFormat, "xlsx", StringComparison.OrdinalIgnoreCase);
        var content = xlsx ? RegistryCsv.ToXlsx(records) : RegistryCsv.ToCsv(records);
        var fileName = $"bench-{rows}.{(xlsx ? "xlsx" : "csv")}";
        await File.WriteAllBytesAsync(Path.Combine(_work, fileName), content);
        Log($"import: {rows:N0} rows, {fileName} {content.Length / 1024.0 / 1024:0.0} MB");

        var s = new Scenario
        {
            Id = "import",
            Title = $"member import through /staff/import ({rows:N0} rows, .{(xlsx ? "xlsx" : "csv")}), upload → Imported",
            BaselineTitle = "raw SQLite bulk insert of the same rows, one transaction",
            Unit = "rows/s",
            Goal = new Goal("≥ 0.25 of the raw rows/s", MinRatio: 0.25),
        };
        _report.Scenarios.Add(s);
        var raw = await RawBulkInsert.RunAsync(Path.Combine(_work, "raw-import.db"), records);
        s.BaselineValue = raw.Rows / raw.Elapsed.TotalSeconds;

        using var http = FormSession.CreateClient(2);
        var f = new FormSession(http, app.BaseUrl);
        if (!await f.SignInAsync(Admin, Password))
        {
            throw new InvalidOperationException("could not sign in as " + Admin);
        }

        app.ResetPeak();
        var cpu0 = app.CpuSeconds();
        var clock = Stopwatch.StartNew();
        var upload = await f.GetAsync("/staff/import");
        var posted = await f.PostFileAsync("/staff/import", [new("__RequestVerificationToken", FormSession.Token(upload.Html))], "Upload", fileName, content,
            xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv");
        if (posted.Status != 302 || posted.Location is null)
        {
            s.Verdict = "failed";
            s.Note = $"upload answered {posted.Status}: {Regex.Match(posted.Html, "class=\"error\"[^>]*>([^<]+)").Groups[1].Value}";
            return;
        }

        var batchPath = posted.Location;
        var checkedPage = await WaitForAsync(f, batchPath, html => html.Contains("handler=commit", StringComparison.OrdinalIgnoreCase), TimeSpan.FromMinutes(5));
        var checkedAt = clock.Elapsed;
        var commit = await f.PostFormAsync(batchPath + "?handler=Commit", [new("__RequestVerificationToken", FormSession.Token(checkedPage))]);
        if (commit.Status != 302)
        {
            s.Verdict = "failed";
            s.Note = $"commit answered {commit.Status}";
            return;
        }

        var done = await WaitForAsync(f, batchPath, html => html.Contains("class=\"success\"", StringComparison.Ordinal), TimeSpan.FromMinutes(5));
        var total = clock.Elapsed;
        var cpu = app.CpuSeconds() - cpu0;
        var imported = Regex.Match(done, "class=\"success\"[^>]*>[^<\\d]*([\\d.,\\s]+)").Groups[1].Value.Trim();
        s.Value = rows / total.TotalSeconds;
        s.App = null;
        s.Note = string.Create(CultureInfo.InvariantCulture,
            $"upload + check {checkedAt.TotalSeconds:0.0} s, commit {(total - checkedAt).TotalSeconds:0.0} s, total {total.TotalSeconds:0.0} s; app CPU {cpu:0.0} s; peak RSS during import {app.PeakRssMb():0} MB; page says imported: {imported}; "
            + $"raw insert {raw.Elapsed.TotalSeconds:0.00} s (person + membership + 1–3 periods per row, prepared, synchronous=FULL). Progress polled every 100 ms.");
        s.Judge();
        Log($"  import {s.Value:0} rows/s vs raw {s.BaselineValue:0} rows/s ({total.TotalSeconds:0.0} s)");
    }

    private static async Task<string> WaitForAsync(FormSession f, string path, Func<string, bool> done, TimeSpan timeout)
    {
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed < timeout)
        {
            var page = await f.GetAsync(path);
            if (page.Html.Contains("role=\"alert\" class=\"error\"", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("the import batch failed: " + path);
            }

            if (page.Status == 200 && done(page.Html))
            {
                return page.Html;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("the import batch did not finish in time");
    }

    private async Task ProvinceScaleAsync()
    {
        Log($"province scale: stopping CongVu, generating {o.Communes} communes");
        await _app!.DisposeAsync();
        _app = null;
        var gen = await ProvinceGenerator.RunAsync(_dbPath, o.Communes, o.Seed, Log);
        _report.Notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"Province data: {gen.Communes} communes, {gen.Cells:N0} cells, {gen.Members:N0} members generated in {gen.Elapsed.TotalSeconds:0.0} s ({gen.Members / gen.Elapsed.TotalSeconds:0} members/s, EF Core through the app's model, one transaction per commune), on top of the demo commune and the import."));
        Log($"  {gen.Members:N0} members in {gen.Elapsed.TotalSeconds:0.0} s");
        var (app, ready) = await StartAsync("congvu", AppDll, AppEnv(), "/", TimeSpan.FromSeconds(120));
        _app = app;
        var st = new Scenario
        {
            Id = "startup-province",
            Title = "start-up to first 200 of / at province scale",
            Scale = "province",
            BaselineTitle = "bare app (median above)",
            Value = ready.TotalMilliseconds,
            BaselineValue = _report.Scenarios.First(x => x.Id == "startup").BaselineValue,
            Unit = "ms",
            Goal = new Goal("< 2× the bare app", MaxRatio: 2),
        };
        st.Judge();
        _report.Scenarios.Add(st);

        await PairAsync("summary-province", "GET /api/v1/public/summary (a generated commune)", app, "/api/v1/public/summary?commune=tinh-xa-0001", null, "/json", "minimal API /json", Goal.None, scale: "province");

        var session = new FormSession(FormSession.CreateClient(2), app.BaseUrl);
        if (!await session.SignInAsync(Overseer, Password))
        {
            throw new InvalidOperationException("could not sign in as " + Overseer);
        }

        var cookie = "Cookie: " + session.CookieHeader;
        var list = await session.GetAsync("/staff/people");
        var total = TotalRx().Match(list.Html) is { Success: true } t ? t.Value : "?";
        var people = await PairAsync("staff-people-province", "staff member list as the province overseer", app, "/staff/people", [cookie], "/page", "bare Razor page",
            new Goal("≥ 0.3, p99 < 50 ms (commune goal, applied here for reference)", MinRatio: 0.3, MaxP99Ms: 50), scale: "province");
        people.Note = $"The overseer's scope is the whole province (page shows: {total}).";
        await PairAsync("staff-person-province", "person record as the province overseer", app, $"/staff/people/{gen.FirstPersonId}", [cookie], "/page", "bare Razor page",
            new Goal("≥ 0.3, p99 < 50 ms (commune goal, applied here for reference)", MinRatio: 0.3, MaxP99Ms: 50), scale: "province");
        // Last: at this scale the home page queues work that would still be running during the next scenario.
        var home = await PairAsync("home-province", "public home page / (lists up to 50 communes)", app, "/", null, "/page", "bare Razor page",
            new Goal("≥ 0.5, p99 < 20 ms", MinRatio: 0.5, MaxP99Ms: 20), acceptEncoding: true, scale: "province");
        home.Note = "The rolls of the listed communes come from one grouped query, kept in the figures cache until a write or a minute passes.";
        var peak = _report.Scenarios.Where(x => x.Scale == "province" && x.App is { Target: "CongVu" }).Select(x => x.App!.PeakRssMb).DefaultIfEmpty(0).Max();
        var mem = new Scenario { Id = "memory-province", Title = "peak RSS during the province-scale load", Scale = "province", Value = peak, Unit = "MB", Goal = new Goal("< 250 MB (commune goal, for reference)", MaxValue: 250) };
        mem.Judge();
        _report.Scenarios.Add(mem);
    }

    private void NotYetMeasured()
    {
        (string Id, string Title, string Goal, string Why)[] todo =
        [
            ("dashboards", "province / national dashboards on PostgreSQL, national data", "≤ 2× hand-written SQL, < 500 ms", "measured by the separate national run on PostgreSQL: bench/run.sh --national [--national-factor F] (bench/results/<date>-national.md)"),
        ];
        foreach (var (id, title, goal, why) in todo)
        {
            _report.Scenarios.Add(new Scenario { Id = id, Title = title, Scale = "—", Goal = new Goal(goal), Verdict = "not yet measured", Gap = why });
        }
    }

    // ---- measuring -----------------------------------------------------------------------------------

    private async Task<Scenario> PairAsync(string id, string title, Server app, string path, string[]? headers, string basePath, string baseTitle, Goal goal, bool acceptEncoding = false, string scale = "commune")
    {
        var s = new Scenario { Id = id, Title = title, BaselineTitle = baseTitle, Goal = goal, Scale = scale };
        _report.Scenarios.Add(s);
        var h = new List<string>(headers ?? []);
        if (acceptEncoding)
        {
            // As a browser asks: the home page is measured with compression on, like its page weight.
            h.Add("Accept-Encoding: br, gzip");
        }

        using var check = FormSession.CreateClient(1);
        using var req = new HttpRequestMessage(HttpMethod.Get, app.BaseUrl + path);
        foreach (var header in h)
        {
            var colon = header.IndexOf(':', StringComparison.Ordinal);
            req.Headers.TryAddWithoutValidation(header[..colon], header[(colon + 1)..].Trim());
        }

        using var first = await check.SendAsync(req);
        if (first.StatusCode != HttpStatusCode.OK)
        {
            // wrk counts a redirect as a success: a page that does not answer 200 is not measured at all.
            s.Verdict = "failed";
            s.Gap = $"{path} answered {(int)first.StatusCode}";
            Log($"  {title}: FAILED, {s.Gap}");
            return s;
        }

        try
        {
            s.Baseline = await MeasureWrkAsync(_baseline!, basePath);
            s.App = await MeasureWrkAsync(app, path, h);
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or IOException)
        {
            s.Verdict = "failed";
            s.Gap = e.Message.Split('\n')[0];
            Log($"  {title}: FAILED, {e.Message}");
            return s;
        }

        s.Judge();
        Log(string.Create(CultureInfo.InvariantCulture, $"  {title}: {s.App.Rps:0} req/s p99 {s.App.P99Ms:0.0} ms vs {s.Baseline.Rps:0} req/s → {s.Ratio:0.00} {s.Verdict}"));
        return s;
    }

    private async Task<Measure> MeasureWrkAsync(Server server, string path, IEnumerable<string>? headers = null, string? script = null, int? seconds = null, int? warm = null)
    {
        var url = server.BaseUrl + path;
        if ((warm ?? o.WarmSeconds) > 0)
        {
            await Wrk.RunAsync(url, warm ?? o.WarmSeconds, headers, script);
        }

        return await MeasureAsync(server, path, () => Wrk.RunAsync(url, seconds ?? o.Seconds, headers, script));
    }

    private Task<Measure> MeasureFlowAsync(Server server, string path, Func<FormSession, CancellationToken, Task<bool>> flow) =>
        MeasureAsync(server, path, async () =>
        {
            await FlowLoad.RunAsync(server.BaseUrl, o.SignInWorkers, TimeSpan.FromSeconds(Math.Min(2, o.WarmSeconds)), flow);
            return await FlowLoad.RunAsync(server.BaseUrl, o.SignInWorkers, TimeSpan.FromSeconds(o.Seconds), flow);
        });

    private static async Task<Measure> MeasureAsync(Server server, string path, Func<Task<LoadResult>> load)
    {
        await QuiesceAsync(server);
        server.ResetPeak();
        var cpu0 = server.CpuSeconds();
        var r = await load();
        var cpu = server.CpuSeconds() - cpu0;
        return new Measure(server.Name == "baseline" ? "baseline" : "CongVu", path, r.Tool, r.Rps, r.P50Ms, r.P99Ms, r.Requests, r.Errors, r.Seconds, cpu, server.PeakRssMb());
    }

    /// <summary>Waits (at most 60 s) until the server is idle, so requests a previous run left queued are not counted in this one.</summary>
    private static async Task QuiesceAsync(Server server)
    {
        var sw = Stopwatch.StartNew();
        var last = server.CpuSeconds();
        while (sw.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(500);
            var now = server.CpuSeconds();
            if (now - last < 0.05)
            {
                return;
            }

            last = now;
        }

        Log($"  {server.Name} still busy after 60 s; measuring anyway");
    }

    /// <summary>The public home as a browser gets it: compressed HTML plus its stylesheets and icons (photos excluded), and whether any script is needed.</summary>
    private async Task PageWeightAsync(Server app)
    {
        using var http = FormSession.CreateClient(1);
        async Task<(long Wire, long Raw, string Text)> Fetch(string path)
        {
            using var req = new HttpRequestMessage(HttpMethod.Get, app.BaseUrl + path);
            req.Headers.TryAddWithoutValidation("Accept-Encoding", "br, gzip");
            using var r = await http.SendAsync(req);
            if (r.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"{path} answered {(int)r.StatusCode}");
            }

            var bytes = await r.Content.ReadAsByteArrayAsync();
            var headerBytes = r.Headers.ToString().Length + r.Content.Headers.ToString().Length + 17;
            var enc = r.Content.Headers.ContentEncoding.FirstOrDefault();
            byte[] raw = enc switch
            {
                "br" => Decode(new System.IO.Compression.BrotliStream(new MemoryStream(bytes), System.IO.Compression.CompressionMode.Decompress)),
                "gzip" => Decode(new System.IO.Compression.GZipStream(new MemoryStream(bytes), System.IO.Compression.CompressionMode.Decompress)),
                _ => bytes,
            };
            return (bytes.Length + headerBytes, raw.Length, System.Text.Encoding.UTF8.GetString(raw));
        }

        var home = await Fetch("/");
        var assets = AssetRx().Matches(home.Text).Select(m => m.Groups[1].Value).Where(p => p.StartsWith('/')).Distinct().ToList();
        long wire = home.Wire, raw = home.Raw;
        var parts = new List<string> { $"HTML {home.Wire / 1024.0:0.0} KB ({home.Raw / 1024.0:0.0} KB uncompressed)" };
        foreach (var a in assets)
        {
            var f = await Fetch(a);
            wire += f.Wire;
            raw += f.Raw;
            parts.Add($"{a} {f.Wire / 1024.0:0.0} KB ({f.Raw / 1024.0:0.0} KB)");
        }

        var scripts = Regex.Count(home.Text, "<script", RegexOptions.IgnoreCase);
        var s = new Scenario
        {
            Id = "page-weight",
            Title = "page weight of the public home (HTML + CSS + icons, transferred)",
            Value = wire / 1024.0,
            Unit = "KB",
            Goal = new Goal("< 100 KB, no JavaScript required", MaxValue: 100),
            Note = string.Join("; ", parts) + $"; <script> tags: {scripts}. Transferred = compressed body + response headers, as requested with Accept-Encoding: br, gzip.",
        };
        s.Judge();
        if (scripts > 0)
        {
            s.Verdict = "not met";
            s.Gap = (s.Gap is null ? string.Empty : s.Gap + "; ") + $"{scripts} script tag(s)";
        }

        _report.Scenarios.Add(s);
        Log($"  page weight {s.Value:0.0} KB transferred, {raw / 1024.0:0.0} KB uncompressed, scripts {scripts}");
    }

    private static byte[] Decode(Stream s)
    {
        using (s)
        {
            using var ms = new MemoryStream();
            s.CopyTo(ms);
            return ms.ToArray();
        }
    }

    // ---- output --------------------------------------------------------------------------------------

    private static Dictionary<string, string> Machine()
    {
        var mem = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal", StringComparison.Ordinal));
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?";
        return new()
        {
            ["cpus"] = $"{Environment.ProcessorCount} × {cpu}",
            ["memory"] = $"{long.Parse(Regex.Match(mem, @"\d+").Value, CultureInfo.InvariantCulture) / 1024 / 1024.0:0.0} GiB",
            ["kernel"] = File.ReadAllText("/proc/sys/kernel/osrelease").Trim(),
            [".NET"] = RuntimeInformation.FrameworkDescription,
            ["load average (start)"] = File.ReadAllText("/proc/loadavg").Split(' ')[0..3].Aggregate((a, b) => a + " " + b),
        };
    }

    private async Task<bool> WriteAsync()
    {
        // A smoke or a tuning run (--only) is not a result of record: it stays in the run's temporary folder.
        var dir = o.OutDir ?? (o.Smoke || o.Only is not null ? _work : Path.Combine(o.Root, "bench/results"));
        Directory.CreateDirectory(dir);
        var stem = TimeProvider.System.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + (o.Smoke ? "-smoke" : o.National ? "-national" : o.Only is not null ? "-only-" + o.Only : string.Empty);
        var json = JsonSerializer.Serialize(_report, JsonOut);
        await File.WriteAllTextAsync(Path.Combine(dir, stem + ".json"), json);
        var md = _report.ToMarkdown();
        await File.WriteAllTextAsync(Path.Combine(dir, stem + ".md"), md);
        Console.WriteLine();
        Console.WriteLine(md);
        var failed = _report.Scenarios.Any(s => s.Verdict == "failed") || _report.Notes.Any(n => n.StartsWith("The run stopped", StringComparison.Ordinal));
        Log($"results: {Path.Combine(dir, stem)}.json / .md" + (failed || o.Keep ? $"; server logs in {_work}" : string.Empty));
        return failed;
    }

    private static double Median(List<double> xs)
    {
        var s = xs.Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
    }

    [GeneratedRegex("\"/staff/reviews/\\d+/members/\\d+")]
    private static partial Regex ReviewMemberRx();

    [GeneratedRegex("name=\"Input.Stamp\" value=\"([^\"]*)\"")]
    private static partial Regex StampRx();

    [GeneratedRegex("href=\"/staff/people/(\\d+)\"")]
    private static partial Regex PersonLinkRx();

    [GeneratedRegex("<(?:link[^>]*rel=\"(?:stylesheet|icon|apple-touch-icon|shortcut icon)\"[^>]*href|img[^>]*src)=\"([^\"]+)\"")]
    private static partial Regex AssetRx();

    [GeneratedRegex(@"[\d.]+ (?:người|kết quả|đảng viên)")]
    private static partial Regex TotalRx();
}
