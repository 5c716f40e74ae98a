using CongVu.Features.Organisation;
using CongVu.Infrastructure.Audit;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Infrastructure;

/// <summary>Operator commands: `dotnet run --project src/CongVu -- &lt;command&gt; [options]`. See docs/operations.md.</summary>
public static class AppCommands
{
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            return false;
        }

        var command = args[0];
        var opts = ParseOptions(args.Skip(1));
        Environment.ExitCode = command switch
        {
            "migrate" => await MigrateAsync(app),
            "create-admin" => await CreateAdminAsync(app, opts),
            "verify-audit" => await VerifyAuditAsync(app),
            "backup" => await BackupAsync(app, opts),
            "restore" => await RestoreAsync(app, opts),
            "retention" => await Security.RetentionCommand.RunAsync(app, opts.ContainsKey("dry-run")),
            "rebuild-figures" => await RebuildFiguresAsync(app, opts),
            "help" or "--help" => Help(),
            _ => Unknown(command),
        };
        return true;
    }

    private static Dictionary<string, string> ParseOptions(IEnumerable<string> args)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? key = null;
        foreach (var a in args)
        {
            if (a.StartsWith("--", StringComparison.Ordinal))
            {
                key = a[2..];
                result[key] = "true";
            }
            else if (key is not null)
            {
                result[key] = a;
                key = null;
            }
        }

        return result;
    }

    private static async Task<int> MigrateAsync(WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.MigrateAsync();
        await AppStartup.SeedRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
        await Console.Out.WriteLineAsync("Database migrated.");
        return 0;
    }

    private static async Task<int> CreateAdminAsync(WebApplication app, Dictionary<string, string> o)
    {
        var user = o.GetValueOrDefault("user");
        var unitCode = o.GetValueOrDefault("unit");
        var password = o.GetValueOrDefault("password") ?? Environment.GetEnvironmentVariable("CONGVU_ADMIN_PASSWORD");
        var name = o.GetValueOrDefault("name") ?? user;
        var kind = OrgUnitKind.Province;
        if (o.GetValueOrDefault("kind") is { } kindText && (!Enum.TryParse(kindText, ignoreCase: true, out kind) || !Enum.IsDefined(kind)))
        {
            await Console.Error.WriteLineAsync($"Unknown unit kind '{kindText}'. Use one of: {string.Join(", ", Enum.GetNames<OrgUnitKind>())}.");
            return 2;
        }
        if (string.IsNullOrWhiteSpace(user) || string.IsNullOrWhiteSpace(unitCode) || string.IsNullOrWhiteSpace(password))
        {
            await Console.Error.WriteLineAsync("Usage: create-admin --user <name> --unit <unit code> [--kind Province|ProvincialPartyCommittee|CommunePartyCommittee|...] [--name \"Display name\"] --password <password>  (or CONGVU_ADMIN_PASSWORD)");
            return 2;
        }

        using var scope = app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync();
        await AppStartup.SeedRolesAsync(sp.GetRequiredService<RoleManager<IdentityRole>>());
        var unit = await db.OrgUnits.FirstOrDefaultAsync(u => u.Code == unitCode);
        if (unit is null)
        {
            unit = new OrgUnit
            {
                Code = unitCode,
                Name = name ?? unitCode,
                Kind = kind,
                ValidFrom = new DateOnly(1976, 1, 1),
                SearchName = Text.VietnameseText.Fold(unitCode),
            };
            db.OrgUnits.Add(unit);
            await db.SaveChangesAsync();
            unit.Path = $"/{unit.Id}/";
            await db.SaveChangesAsync();
            await Console.Out.WriteLineAsync($"Created top-level unit '{unitCode}' (id {unit.Id}); rename it and add its subtree in the app.");
        }

        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var time = sp.GetRequiredService<TimeProvider>();
        var account = new AppUser { UserName = user, DisplayName = name ?? user, OrgUnitId = unit.Id, CreatedAt = time.GetUtcNow().UtcDateTime };
        var created = await users.CreateAsync(account, password);
        if (!created.Succeeded)
        {
            foreach (var e in created.Errors)
            {
                await Console.Error.WriteLineAsync(e.Description);
            }

            return 1;
        }

        await users.AddToRoleAsync(account, Roles.Admin);
        sp.GetRequiredService<AuditLog>().Record("user.create-admin", "user", account.Id, unit.Id, after: new { account.UserName, Unit = unit.Code, Role = Roles.Admin });
        await db.SaveChangesAsync();
        await Console.Out.WriteLineAsync($"Administrator '{user}' created for unit '{unit.Code}'.");
        return 0;
    }

    private static async Task<int> VerifyAuditAsync(WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var (count, broken) = await AuditChain.VerifyAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>());
        if (broken is null)
        {
            await Console.Out.WriteLineAsync($"Audit chain intact: {count} entries.");
            return 0;
        }

        await Console.Error.WriteLineAsync($"Audit chain broken at entry {broken} after {count} good entries.");
        return 1;
    }

    private static async Task<int> BackupAsync(WebApplication app, Dictionary<string, string> o)
    {
        var backups = app.Services.GetRequiredService<Backup.BackupService>();
        var file = o.GetValueOrDefault("to") ?? Path.Combine("backups", backups.DefaultFileName());
        await backups.BackupAsync(file, CancellationToken.None);
        await Console.Out.WriteLineAsync($"Backup written to {Path.GetFullPath(file)}");
        return 0;
    }

    private static async Task<int> RestoreAsync(WebApplication app, Dictionary<string, string> o)
    {
        if (o.GetValueOrDefault("from") is not { Length: > 0 } file)
        {
            await Console.Error.WriteLineAsync("Usage: restore --from <backup file>   (stop the app first)");
            return 2;
        }

        try
        {
            await app.Services.GetRequiredService<Backup.BackupService>().RestoreAsync(file, CancellationToken.None);
        }
        catch (Exception e) when (e is InvalidOperationException or FileNotFoundException or Microsoft.Data.Sqlite.SqliteException)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }

        using var scope = app.Services.CreateScope();
        var (count, broken) = await AuditChain.VerifyAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>());
        await Console.Out.WriteLineAsync($"Restored from {file}; audit chain {(broken is null ? "intact" : "BROKEN at " + broken)} ({count} entries).");
        return broken is null ? 0 : 1;
    }

    private static async Task<int> RebuildFiguresAsync(WebApplication app, Dictionary<string, string> o)
    {
        using var scope = app.Services.CreateScope();
        return await Features.Overview.RebuildFiguresCommand.RunAsync(scope.ServiceProvider, o.GetValueOrDefault("year"), Console.Out, CancellationToken.None);
    }

    private static int Help()
    {
        Console.WriteLine("Commands: migrate | create-admin --user U --unit CODE [--kind K] --password P [--name N] | verify-audit | backup [--to FILE] | restore --from FILE | retention [--dry-run] | rebuild-figures [--year Y]");
        return 0;
    }

    private static int Unknown(string command)
    {
        Console.Error.WriteLine($"Unknown command '{command}'. Try 'help'.");
        return 2;
    }
}
