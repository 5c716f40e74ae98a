using System.Globalization;
using CongVu.Bench.LoadGen;

namespace CongVu.Bench;

/// <summary>The commune-scale GET scenarios repeated with the app on PostgreSQL (--database postgres|both), baselines re-measured in the same run.</summary>
public sealed partial class Runner
{
    private async Task CommuneScalePostgresAsync()
    {
        if (_app is not null)
        {
            // One CongVu at a time on the two cores.
            await _app.DisposeAsync();
            _app = null;
        }

        if (_baseline is null)
        {
            (_baseline, _) = await StartAsync("baseline", BaselineDll, BaselineEnv(), "/plaintext", TimeSpan.FromSeconds(60));
        }

        _pg ??= await PgCluster.StartAsync(_work, Log, o.PidFile);
        const string db = "congvu_commune";
        await _pg.CreateDatabaseAsync(db);
        _report.Settings["database (PostgreSQL rows)"] = $"PostgreSQL {_pg.Version}, throwaway cluster on 127.0.0.1, fsync on";
        Log("commune scale on PostgreSQL: CongVu on an empty database (migrations + demo commune)");
        var (app, ready) = await StartAsync("congvu-pg", AppDll, PostgresEnv(_pg.ConnectionString(db), demo: true), "/", TimeSpan.FromSeconds(300));
        _app = app;
        _report.Notes.Add(string.Create(CultureInfo.InvariantCulture, $"PostgreSQL rows: first start on an empty PostgreSQL database (migrations + demo seed) {ready.TotalMilliseconds:0} ms to /."));
        const string scale = "commune (PostgreSQL)";
        await PairAsync("health-pg", "GET /health on PostgreSQL", app, "/health", null, "/plaintext", "minimal API /plaintext", Goal.None, scale: scale);
        await PairAsync("summary-api-pg", "GET /api/v1/public/summary?commune=tieu-can on PostgreSQL", app, "/api/v1/public/summary?commune=tieu-can", null, "/json", "minimal API /json", Goal.None, scale: scale);
        await PairAsync("home-pg", "public home page / on PostgreSQL", app, "/", null, "/page", "bare Razor page of similar size",
            new Goal("≥ 0.5, p99 < 20 ms", MinRatio: 0.5, MaxP99Ms: 20), acceptEncoding: true, scale: scale);
        var session = new FormSession(FormSession.CreateClient(2), app.BaseUrl);
        if (!await session.SignInAsync(Admin, Password))
        {
            throw new InvalidOperationException("could not sign in as " + Admin + " on PostgreSQL");
        }

        var cookie = "Cookie: " + session.CookieHeader;
        var list = await session.GetAsync("/staff/people");
        var personId = PersonLinkRx().Match(list.Html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("no person on /staff/people (PostgreSQL)");
        await PairAsync("staff-people-pg", "staff member list /staff/people on PostgreSQL", app, "/staff/people", [cookie], "/page", "bare Razor page",
            new Goal("≥ 0.3, p99 < 50 ms", MinRatio: 0.3, MaxP99Ms: 50), scale: scale);
        await PairAsync("staff-person-pg", "person record /staff/people/{id} on PostgreSQL", app, $"/staff/people/{personId}", [cookie], "/page", "bare Razor page",
            new Goal("≥ 0.3, p99 < 50 ms", MinRatio: 0.3, MaxP99Ms: 50), scale: scale);
    }
}
