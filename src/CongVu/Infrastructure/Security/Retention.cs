using CongVu.Features.Feedback;
using CongVu.Features.Feedback.DataSubject;
using CongVu.Features.Organisation.Import;
using CongVu.Features.Portal.Visits;
using CongVu.Infrastructure.Audit;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Infrastructure.Security;

/// <summary>Retention periods (Retention:* settings); NĐ 356/2025 requires personal data be kept no longer than its purpose needs.</summary>
public sealed class RetentionOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Months after a case is answered before the complainant's contact details and photo are erased.</summary>
    public int ContactMonthsAfterClose { get; set; } = 24;

    /// <summary>Days an uploaded registry file is kept after upload (the imported rows stay; the file and its row problems go).</summary>
    public int ImportFileDays { get; set; } = 30;

    /// <summary>Days a visitor-hash salt is kept: today's and yesterday's are enough to count unique visitors per day.</summary>
    public int VisitSaltDays { get; set; } = 2;

    public double IntervalHours { get; set; } = 24;
}

public sealed record RetentionReport(int Contacts, int ImportFiles, int ImportBatches, int VisitSalts)
{
    public override string ToString() =>
        $"contacts erased: {Contacts}, import files removed: {ImportFiles}, unfinished import batches deleted: {ImportBatches}, visitor salts pruned: {VisitSalts}";
}

/// <summary>One retention pass; with dryRun it only counts.</summary>
public sealed class RetentionRunner(AppDbContext db, SubjectRights rights, AuditLog audit, TimeProvider time, RetentionOptions options)
{
    public async Task<RetentionReport> RunAsync(bool dryRun, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var contactCutoff = now.AddMonths(-options.ContactMonthsAfterClose);
        var importCutoff = now.AddDays(-options.ImportFileDays);
        var saltCutoff = VietnamTime.Today(time).AddDays(-options.VisitSaltDays);

        var cases = await db.Set<FeedbackItem>().IgnoreQueryFilters().Include(f => f.Attachments)
            .Where(f => f.Status == FeedbackStatus.Answered && f.AnsweredAt != null && f.AnsweredAt < contactCutoff)
            .Where(f => f.ContactNameProtected != null || f.ContactPhoneProtected != null || f.ContactEmailProtected != null
                || f.Attachments.Any(a => a.Role == AttachmentRole.CitizenPhoto))
            .ToListAsync(ct);
        var oldBatches = db.Set<ImportBatch>().IgnoreQueryFilters().Where(b => b.CreatedAt < importCutoff);
        var files = await oldBatches.Where(b => b.State == ImportState.Imported && (b.Content != null || b.ProblemsJson != null)).ToListAsync(ct);
        // Batches still queued or checking are left alone: a worker may hold them.
        var unfinished = await oldBatches.Where(b => b.State == ImportState.Checked || b.State == ImportState.Failed || b.State == ImportState.Cancelled).ToListAsync(ct);
        var salts = await db.Set<PortalVisitSalt>().Where(s => s.Day < saltCutoff).ToListAsync(ct);
        var report = new RetentionReport(cases.Count, files.Count, unfinished.Count, salts.Count);
        if (dryRun)
        {
            return report;
        }

        foreach (var item in cases)
        {
            await rights.EraseContactAsync(item, "retention", ct);
        }

        foreach (var b in files)
        {
            b.Content = null;
            b.ProblemsJson = null;
        }

        db.RemoveRange(unfinished);
        db.RemoveRange(salts);
        audit.Record("retention.run", "retention", null, null, after: new { report.Contacts, report.ImportFiles, report.ImportBatches, report.VisitSalts, options.ContactMonthsAfterClose, options.ImportFileDays, options.VisitSaltDays });
        await db.SaveChangesAsync(ct);
        return report;
    }
}

/// <summary>Runs the retention pass once a day (Retention:IntervalHours) on the app's clock; backups are trimmed by BackupScheduler (Backup:Keep).</summary>
public sealed class RetentionService(IServiceProvider services, RetentionOptions options, StartupGate gate, TimeProvider time, ILogger<RetentionService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Not before migrations and the start-up checks have run (StartupGate).
        await gate.Ready.WaitAsync(stoppingToken);
        if (!options.Enabled)
        {
            return;
        }

        // A first pass soon after start, so an app restarted more often than daily still applies retention.
        await Task.Delay(TimeSpan.FromMinutes(5), time, stoppingToken);
        using var timer = new PeriodicTimer(TimeSpan.FromHours(Math.Max(options.IntervalHours, 0.01)), time);
        do
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<AccessScope>().GrantAll();
                var report = await scope.ServiceProvider.GetRequiredService<RetentionRunner>().RunAsync(dryRun: false, stoppingToken);
                log.LogInformation("Retention pass: {Report}", report);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Retention pass failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

public static class RetentionSetup
{
    public static IServiceCollection AddDataRights(this IServiceCollection services, IConfiguration config)
    {
        var options = new RetentionOptions();
        config.GetSection("Retention").Bind(options);
        services.AddSingleton(options);
        services.AddScoped<SubjectRights>();
        services.AddScoped<RetentionRunner>();
        services.AddHostedService<RetentionService>();
        return services;
    }
}

/// <summary>`retention [--dry-run]`: one pass now, printing the counts (a dry run changes nothing).</summary>
public static class RetentionCommand
{
    public static async Task<int> RunAsync(WebApplication app, bool dryRun)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().GrantAll();
        var report = await scope.ServiceProvider.GetRequiredService<RetentionRunner>().RunAsync(dryRun, CancellationToken.None);
        await Console.Out.WriteLineAsync((dryRun ? "Dry run, nothing changed. Would do: " : "Done: ") + report);
        return 0;
    }
}
