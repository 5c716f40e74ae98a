using System.Text.Json;
using System.Text.Json.Serialization;
using CongVu.Infrastructure;
using CongVu.Infrastructure.Audit;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CongVu.Features.Organisation.Import;

/// <summary>
/// Checks and imports one batch. Runs in the worker's own scope with unrestricted data access, so every
/// query here restricts itself to the batch's unit subtree.
/// </summary>
public sealed class ImportProcessor(AppDbContext db, OrgTree tree, TimeProvider time, IOptions<ImportOptions> options, ImportJobs jobs, DataVersion version, ILogger<ImportProcessor> log)
{
    public const string InterruptedMessage = "Bị gián đoạn, hãy tải lên lại.";
    public const string CommitFailedMessage = "Nhập dữ liệu không thành công, không có dòng nào được ghi. Hãy thử lại hoặc báo quản trị viên.";
    public const string CheckFailedMessage = "Không kiểm tra được tệp do lỗi hệ thống. Hãy tải lên lại hoặc báo quản trị viên.";
    private const int ProgressEvery = 500;
    private const int ReportEvery = 1_000;

    // Each progress write is a commit of its own: at most a few a second, so a fast check is not slowed by its own progress.
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task RunAsync(int batchId, CancellationToken ct)
    {
        var state = await db.ImportBatches.Where(b => b.Id == batchId).Select(b => (ImportState?)b.State).FirstOrDefaultAsync(ct);
        switch (state)
        {
            case ImportState.Queued:
                await CheckAsync(batchId, ct);
                break;
            case ImportState.Importing:
                await CommitAsync(batchId, ct);
                break;
        }
    }

    public async Task CheckAsync(int batchId, CancellationToken ct)
    {
        var claimed = await db.ImportBatches.Where(b => b.Id == batchId && b.State == ImportState.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.State, ImportState.Checking), ct);
        if (claimed == 0)
        {
            return;
        }

        try
        {
            var batch = await db.ImportBatches.Where(b => b.Id == batchId)
                .Select(b => new { b.OrgUnitId, b.FileName, b.Content, b.TotalRows })
                .SingleAsync(ct);
            var file = RegistryFileReader.Open(batch.Content ?? [], batch.FileName, options.Value.MaxRows);
            // The upload's estimate serves the progress bar; the rows are read once, here, and the true count kept at the end.
            var total = batch.TotalRows;
            await db.ImportBatches.Where(b => b.Id == batchId)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.TotalRows, total).SetProperty(b => b.ProcessedRows, 0), ct);

            var validator = new RegistryRowValidator(await LookupAsync(batch.OrgUnitId, ct));
            var problems = new ProblemList(options.Value.MaxStoredProblems);
            int processed = 0, valid = 0;
            var lastProgress = time.GetTimestamp();
            foreach (var row in file.Rows())
            {
                var (person, rowProblems) = validator.Check(row);
                if (person is not null)
                {
                    valid++;
                }
                else
                {
                    problems.AddRange(rowProblems);
                }

                if (++processed % ProgressEvery == 0 && time.GetElapsedTime(lastProgress) >= ProgressInterval)
                {
                    lastProgress = time.GetTimestamp();
                    var done = processed;
                    await db.ImportBatches.Where(b => b.Id == batchId)
                        .ExecuteUpdateAsync(s => s.SetProperty(b => b.ProcessedRows, done), ct);
                }
            }

            var json = problems.ToJson();
            var finished = time.GetUtcNow().UtcDateTime;
            // With nothing to import the file is of no further use: drop it now.
            var keepFile = valid > 0;
            await db.ImportBatches.Where(b => b.Id == batchId)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(b => b.State, ImportState.Checked)
                        .SetProperty(b => b.TotalRows, processed)
                        .SetProperty(b => b.ProcessedRows, processed)
                        .SetProperty(b => b.ValidRows, valid)
                        .SetProperty(b => b.ProblemsJson, json)
                        .SetProperty(b => b.Content, b => keepFile ? b.Content : null)
                        .SetProperty(b => b.FinishedAt, b => keepFile ? null : finished),
                    ct);
        }
        catch (RegistryFileException e)
        {
            await FailAsync(batchId, e.Message, CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Checking import batch {BatchId} failed", batchId);
            await FailAsync(batchId, CheckFailedMessage, CancellationToken.None);
        }
    }

    /// <summary>Re-checks the file against the registry as it is now and inserts every valid row in one transaction, or nothing.</summary>
    public async Task CommitAsync(int batchId, CancellationToken ct)
    {
        var batch = await db.ImportBatches.Where(b => b.Id == batchId && b.State == ImportState.Importing)
            .Select(b => new { b.OrgUnitId, b.FileName, b.Content, b.CreatedBy, b.TotalRows })
            .FirstOrDefaultAsync(ct);
        if (batch is null)
        {
            return;
        }

        var imported = 0;
        try
        {
            var file = RegistryFileReader.Open(batch.Content ?? [], batch.FileName, options.Value.MaxRows);
            var lookup = await LookupAsync(batch.OrgUnitId, ct);
            var validator = new RegistryRowValidator(lookup);
            var rejected = 0;
            var now = time.GetUtcNow().UtcDateTime;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // Rows stream from the file into the database: checked and written one at a time, none held in memory.
            await using (var writer = ImportWriter.Create(db))
            {
                foreach (var row in file.Rows())
                {
                    if (validator.Check(row).Person is not { } p)
                    {
                        rejected++;
                        continue;
                    }

                    await writer.WriteAsync(ImportedMembership.Build(p, lookup.Today, now, batch.CreatedBy), ct);
                    if (writer.Written % ReportEvery == 0)
                    {
                        jobs.ReportImported(batchId, writer.Written);
                    }
                }

                imported = writer.Written;
            }

            // The worker has no signed-in user: the entry names the clerk who uploaded the file.
            db.AuditEntries.Add(new AuditEntry
            {
                At = now,
                ActorName = string.IsNullOrEmpty(batch.CreatedBy) ? "hệ thống" : batch.CreatedBy,
                Action = "import.commit",
                EntityType = "import",
                EntityId = batchId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                OrgUnitId = batch.OrgUnitId,
                After = JsonSerializer.Serialize(new { file = batch.FileName, rows = imported + rejected, imported, skipped = rejected }, Json),
            });
            // The batch's new state is saved through the change tracker with the audit entry, so that whatever follows
            // saves of unit-owned rows (the communes overview's stale marks) sees the registry of this unit change.
            var done = new ImportBatch { Id = batchId, OrgUnitId = batch.OrgUnitId, FileName = batch.FileName };
            db.ImportBatches.Attach(done);
            done.State = ImportState.Imported;
            done.ImportedRows = imported;
            done.Content = null;
            done.FinishedAt = now;
            foreach (var changed in new[] { nameof(ImportBatch.State), nameof(ImportBatch.ImportedRows), nameof(ImportBatch.Content), nameof(ImportBatch.FinishedAt) })
            {
                db.Entry(done).Property(changed).IsModified = true;
            }

            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            // The rows went past the change tracker: tell the figure caches which records changed.
            version.Bump(ImportWriter.WrittenTypes);
            jobs.Finished(batchId);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            jobs.Finished(batchId);
            // The transaction is disposed (rolled back) before this runs: nothing of the batch is in the registry.
            db.ChangeTracker.Clear();
            log.LogError(e, "Importing batch {BatchId} failed; rolled back", batchId);
            await FailAsync(batchId, e is RegistryFileException rf ? rf.Message : CommitFailedMessage, CancellationToken.None);
        }
    }

    /// <summary>After a restart: work cut off midway is failed, queued batches are queued again, forgotten previews are cancelled.</summary>
    public async Task<List<int>> RecoverAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await db.ImportBatches.Where(b => b.State == ImportState.Checking || b.State == ImportState.Importing)
            .ExecuteUpdateAsync(
                s => s.SetProperty(b => b.State, ImportState.Failed)
                    .SetProperty(b => b.FileError, InterruptedMessage)
                    .SetProperty(b => b.Content, (byte[]?)null)
                    .SetProperty(b => b.FinishedAt, now),
                ct);
        var abandoned = now.AddDays(-options.Value.AbandonAfterDays);
        await db.ImportBatches.Where(b => b.State == ImportState.Checked && b.CreatedAt < abandoned)
            .ExecuteUpdateAsync(
                s => s.SetProperty(b => b.State, ImportState.Cancelled)
                    .SetProperty(b => b.Content, (byte[]?)null)
                    .SetProperty(b => b.FinishedAt, now),
                ct);
        return await db.ImportBatches.Where(b => b.State == ImportState.Queued).OrderBy(b => b.Id).Select(b => b.Id).ToListAsync(ct);
    }

    private async Task FailAsync(int batchId, string message, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await db.ImportBatches.Where(b => b.Id == batchId)
            .ExecuteUpdateAsync(
                s => s.SetProperty(b => b.State, ImportState.Failed)
                    .SetProperty(b => b.FileError, message)
                    .SetProperty(b => b.Content, (byte[]?)null)
                    .SetProperty(b => b.FinishedAt, now),
                ct);
    }

    private async Task<RegistryLookup> LookupAsync(int rootUnitId, CancellationToken ct)
    {
        var snap = await tree.GetAsync(ct);
        var units = snap.Scope(rootUnitId);
        var cards = await db.Memberships.Where(m => m.CardNumber != null).Select(m => m.CardNumber!).ToListAsync(ct);
        var people = await db.People.Where(p => units.Contains(p.OrgUnitId) && p.BirthDate != null)
            .Select(p => new { p.FullName, p.BirthDate })
            .ToListAsync(ct);
        return RegistryLookup.Build(snap, rootUnitId, VietnamTime.Today(time), cards,
            people.Select(p => RegistryLookup.PersonKey(p.FullName, p.BirthDate!.Value)));
    }

    public static List<RowProblem> ReadProblems(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<RowProblem>>(json, Json) ?? [];

    /// <summary>Keeps the first problems and counts the rest, so a file of broken rows cannot bloat the batch.</summary>
    private sealed class ProblemList(int max)
    {
        private readonly List<RowProblem> _kept = [];
        private int _dropped;

        public void AddRange(IEnumerable<RowProblem> problems)
        {
            foreach (var p in problems)
            {
                if (_kept.Count < max)
                {
                    _kept.Add(p);
                }
                else
                {
                    _dropped++;
                }
            }
        }

        public string ToJson()
        {
            var list = new List<RowProblem>(_kept);
            if (_dropped > 0)
            {
                list.Add(new RowProblem(0, string.Empty, $"… và {_dropped.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"))} lỗi khác không lưu lại."));
            }

            return JsonSerializer.Serialize(list, Json);
        }
    }
}

/// <summary>Reads batch ids from the queue and processes them one at a time, each in its own scope.</summary>
public sealed class ImportWorker(IServiceScopeFactory scopes, ImportJobs queue, StartupGate gate, ILogger<ImportWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Not before migrations and the start-up checks have run (StartupGate).
        await gate.Ready.WaitAsync(stoppingToken);
        await Task.Yield();
        try
        {
            foreach (var id in await InScopeAsync(p => p.RecoverAsync(stoppingToken)))
            {
                queue.Enqueue(id);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Recovering import batches failed");
        }

        await foreach (var id in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await InScopeAsync(async p =>
                {
                    await p.RunAsync(id, stoppingToken);
                    return 0;
                });
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Import batch {BatchId} could not be processed", id);
            }
        }
    }

    private async Task<T> InScopeAsync<T>(Func<ImportProcessor, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        // Query filters would hide every row from a request-less scope; the processor restricts to the batch's subtree itself.
        scope.ServiceProvider.GetRequiredService<Infrastructure.Security.AccessScope>().GrantAll();
        return await work(scope.ServiceProvider.GetRequiredService<ImportProcessor>());
    }
}
