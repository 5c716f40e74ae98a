using CongVu.Features.Organisation.Demo;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Infrastructure;

public static class AppStartup
{
    /// <summary>Migrations, reference data and (in demo mode) the demo commune, before the first request.</summary>
    public static async Task InitialiseAsync(WebApplication app, CancellationToken ct = default)
    {
        using var scope = app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var options = sp.GetRequiredService<DatabaseOptions>();
        var db = sp.GetRequiredService<AppDbContext>();
        var log = sp.GetRequiredService<ILoggerFactory>().CreateLogger("CongVu.Startup");
        var phases = new StartupPhases();
        await phases.TimeAsync("model", () =>
        {
            _ = db.Model;
            return Task.CompletedTask;
        });
        if (options.MigrateOnStartup)
        {
            // Listing pending migrations is cheap; MigrateAsync also diffs the whole model against the snapshot.
            await phases.TimeAsync("migrations", async () =>
            {
                if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
                {
                    await db.Database.MigrateAsync(ct);
                }
            });
        }

        var demoEnabled = app.Configuration.GetValue<bool>("Demo:Enabled");
        var time = sp.GetRequiredService<TimeProvider>();
        // Reference and demo data only change with the code (and yearly data with the date): one build checks them once a day.
        var marker = FormattableString.Invariant(
            $"{typeof(AppStartup).Assembly.ManifestModule.ModuleVersionId}|{Time.VietnamTime.Today(time):yyyy-MM-dd}|demo={demoEnabled}");
        var checkedBy = await db.AppState.AsNoTracking().Where(a => a.Key == AppStateEntry.SeedCheckKey).Select(a => a.Value).FirstOrDefaultAsync(ct);
        if (checkedBy != marker)
        {
            await CheckSeededDataAsync(sp, demoEnabled, phases, log, ct);
            await RecordSeedCheckAsync(db, marker, time, ct);
        }
        else
        {
            log.LogInformation("Reference and demo data already checked by this build today");
        }

        if (demoEnabled)
        {
            app.Lifetime.ApplicationStarted.Register(() =>
            {
                var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
                var lines = string.Join(Environment.NewLine, DemoCommune.Accounts.Select(a => $"  {a.Role,-15} {a.UserName,-24} {DemoCommune.Password}   ({a.Description})"));
                log.LogInformation(
                    "CongVu is running at {Addresses}{NewLine}Demo mode: sign in at /tai-khoan/dang-nhap with one of these accounts:{NewLine}{Accounts}",
                    string.Join(", ", addresses), Environment.NewLine, Environment.NewLine, lines);
            });
        }

        log.LogInformation("Start-up checks took {Total} ms: {Phases}", phases.TotalMs, phases);
    }

    private static async Task CheckSeededDataAsync(IServiceProvider sp, bool demoEnabled, StartupPhases phases, ILogger log, CancellationToken ct)
    {
        await phases.TimeAsync("roles", () => SeedRolesAsync(sp.GetRequiredService<RoleManager<IdentityRole>>()));
        sp.GetRequiredService<AccessScope>().GrantAll();
        await phases.TimeAsync("ref Conduct", () => Features.Conduct.ConductModule.SeedReferenceAsync(sp, ct));
        await phases.TimeAsync("ref Pledges", () => Features.Pledges.PledgesModule.SeedReferenceAsync(sp, ct));
        await phases.TimeAsync("ref Reviews", () => Features.Reviews.ReviewsModule.SeedReferenceAsync(sp, ct));
        await phases.TimeAsync("ref Feedback", () => Features.Feedback.FeedbackModule.SeedReferenceAsync(sp, ct));
        await phases.TimeAsync("ref Portal", () => Features.Portal.PortalModule.SeedReferenceAsync(sp, ct));
        await phases.TimeAsync("ref Households", () => Features.Households.HouseholdsModule.SeedReferenceAsync(sp, ct));
        await phases.TimeAsync("ref Initiatives", () => Features.Initiatives.InitiativesModule.SeedReferenceAsync(sp, ct));
        await phases.TimeAsync("ref Indicators", () => Features.Indicators.IndicatorsModule.SeedReferenceAsync(sp, ct));
        await phases.TimeAsync("ref NewCountryside", () => Features.NewCountryside.NewCountrysideModule.SeedReferenceAsync(sp, ct));
        await phases.TimeAsync("ref Reports", () => Features.Reports.ReportsModule.SeedReferenceAsync(sp, ct));

        if (demoEnabled)
        {
            var seeded = false;
            await phases.TimeAsync("demo registry", async () => seeded = await DemoCommune.SeedAsync(sp, ct));
            if (seeded)
            {
                log.LogInformation("Demo commune seeded");
            }

            // Module demo data checks its own presence, so a database seeded by an older version catches up.
            await phases.TimeAsync("demo Conduct", () => Features.Conduct.ConductModule.SeedDemoAsync(sp, ct));
            await phases.TimeAsync("demo Pledges", () => Features.Pledges.PledgesModule.SeedDemoAsync(sp, ct));
            await phases.TimeAsync("demo Reviews", () => Features.Reviews.ReviewsModule.SeedDemoAsync(sp, ct));
            await phases.TimeAsync("demo Feedback", () => Features.Feedback.FeedbackModule.SeedDemoAsync(sp, ct));
            await phases.TimeAsync("demo Portal", () => Features.Portal.PortalModule.SeedDemoAsync(sp, ct));
            await phases.TimeAsync("demo Households", () => Features.Households.HouseholdsModule.SeedDemoAsync(sp, ct));
            await phases.TimeAsync("demo Initiatives", () => Features.Initiatives.InitiativesModule.SeedDemoAsync(sp, ct));
            await phases.TimeAsync("demo Indicators", () => Features.Indicators.IndicatorsModule.SeedDemoAsync(sp, ct));
            await phases.TimeAsync("demo NewCountryside", () => Features.NewCountryside.NewCountrysideModule.SeedDemoAsync(sp, ct));
            await phases.TimeAsync("demo Reports", () => Features.Reports.ReportsModule.SeedDemoAsync(sp, ct));
        }
    }

    private static async Task RecordSeedCheckAsync(AppDbContext db, string marker, TimeProvider time, CancellationToken ct)
    {
        var entry = await db.AppState.FirstOrDefaultAsync(a => a.Key == AppStateEntry.SeedCheckKey, ct);
        if (entry is null)
        {
            entry = new AppStateEntry { Key = AppStateEntry.SeedCheckKey };
            db.AppState.Add(entry);
        }

        entry.Value = marker;
        entry.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    public static async Task SeedRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }
}
