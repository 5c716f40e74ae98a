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
        if (options.MigrateOnStartup)
        {
            await db.Database.MigrateAsync(ct);
        }

        await SeedRolesAsync(sp.GetRequiredService<RoleManager<IdentityRole>>());
        sp.GetRequiredService<AccessScope>().GrantAll();
        await Features.Conduct.ConductModule.SeedReferenceAsync(sp, ct);
        await Features.Pledges.PledgesModule.SeedReferenceAsync(sp, ct);
        await Features.Reviews.ReviewsModule.SeedReferenceAsync(sp, ct);
        await Features.Feedback.FeedbackModule.SeedReferenceAsync(sp, ct);
        await Features.Portal.PortalModule.SeedReferenceAsync(sp, ct);
        await Features.Households.HouseholdsModule.SeedReferenceAsync(sp, ct);
        await Features.Initiatives.InitiativesModule.SeedReferenceAsync(sp, ct);
        await Features.Indicators.IndicatorsModule.SeedReferenceAsync(sp, ct);
        await Features.NewCountryside.NewCountrysideModule.SeedReferenceAsync(sp, ct);
        await Features.Reports.ReportsModule.SeedReferenceAsync(sp, ct);

        var demoEnabled = app.Configuration.GetValue<bool>("Demo:Enabled");
        if (demoEnabled)
        {
            var seeded = await DemoCommune.SeedAsync(sp, ct);
            if (seeded)
            {
                log.LogInformation("Demo commune seeded");
            }

            // Module demo data checks its own presence, so a database seeded by an older version catches up.
            await Features.Conduct.ConductModule.SeedDemoAsync(sp, ct);
            await Features.Pledges.PledgesModule.SeedDemoAsync(sp, ct);
            await Features.Reviews.ReviewsModule.SeedDemoAsync(sp, ct);
            await Features.Feedback.FeedbackModule.SeedDemoAsync(sp, ct);
            await Features.Portal.PortalModule.SeedDemoAsync(sp, ct);
            await Features.Households.HouseholdsModule.SeedDemoAsync(sp, ct);
            await Features.Initiatives.InitiativesModule.SeedDemoAsync(sp, ct);
            await Features.Indicators.IndicatorsModule.SeedDemoAsync(sp, ct);
            await Features.NewCountryside.NewCountrysideModule.SeedDemoAsync(sp, ct);
            await Features.Reports.ReportsModule.SeedDemoAsync(sp, ct);

            app.Lifetime.ApplicationStarted.Register(() =>
            {
                var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
                var lines = string.Join(Environment.NewLine, DemoCommune.Accounts.Select(a => $"  {a.Role,-15} {a.UserName,-24} {DemoCommune.Password}   ({a.Description})"));
                log.LogInformation(
                    "CongVu is running at {Addresses}{NewLine}Demo mode: sign in at /tai-khoan/dang-nhap with one of these accounts:{NewLine}{Accounts}",
                    string.Join(", ", addresses), Environment.NewLine, Environment.NewLine, lines);
            });
        }
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
