using CongVu.Infrastructure.Audit;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;
using CongVu.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CongVu.Features.Organisation.Import;

[Authorize(Policy = Policies.RegistryWrite)]
public sealed class BatchModel(AppDbContext db, ImportJobs jobs, AuditLog audit, TimeProvider time, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int ShownProblems = 500;
    public const int PreviewRows = 20;

    public static readonly RegistryColumn[] PreviewColumns =
    [
        RegistryColumn.FullName, RegistryColumn.BirthDate, RegistryColumn.Gender, RegistryColumn.Cell, RegistryColumn.CardNumber,
        RegistryColumn.AdmittedOn, RegistryColumn.Status, RegistryColumn.Post, RegistryColumn.Agency,
    ];

    public sealed record BatchView(int Id, string FileName, ImportState State, int TotalRows, int ProcessedRows, int ValidRows, int ImportedRows, string? FileError, DateTime CreatedAt, string CreatedBy);

    public BatchView Batch { get; private set; } = null!;

    public List<RowProblem> Problems { get; } = [];

    /// <summary>Problems found in all (stored ones plus those only counted).</summary>
    public int ProblemCount { get; private set; }

    public int InvalidRows => Batch.TotalRows - Batch.ValidRows;

    public List<RegistryRow> Preview { get; } = [];

    /// <summary>Rows written so far by an import still in its transaction, when this server is the one running it.</summary>
    public int? ImportedSoFar => jobs.ImportedSoFar(Batch.Id);

    public bool InProgress => Batch.State is ImportState.Queued or ImportState.Checking or ImportState.Importing;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var batch = await db.ImportBatches.AsNoTracking().Where(b => b.Id == id)
            .Select(b => new { View = new BatchView(b.Id, b.FileName, b.State, b.TotalRows, b.ProcessedRows, b.ValidRows, b.ImportedRows, b.FileError, b.CreatedAt, b.CreatedBy), b.ProblemsJson })
            .FirstOrDefaultAsync(ct);
        if (batch is null)
        {
            return NotFound();
        }

        Batch = batch.View;
        if (Batch.State != ImportState.Checked)
        {
            return Page();
        }

        var problems = ImportProcessor.ReadProblems(batch.ProblemsJson);
        var stored = problems.Where(p => p.Row > 0).ToList();
        ProblemCount = stored.Count + problems.Where(p => p.Row == 0).Select(p => CountIn(p.Message)).Sum();
        Problems.AddRange(stored.Take(ShownProblems));
        if (Batch.ValidRows > 0)
        {
            await LoadPreviewAsync(id, stored, capped: stored.Count < problems.Count, ct);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostCommitAsync(int id, CancellationToken ct)
    {
        var started = await db.ImportBatches.Where(b => b.Id == id && b.State == ImportState.Checked && b.ValidRows > 0 && b.Content != null)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.State, ImportState.Importing), ct);
        if (started == 0)
        {
            return await NotReadyAsync(id, ct);
        }

        jobs.Enqueue(id);
        return Redirect($"/staff/import/{id}");
    }

    public async Task<IActionResult> OnPostCancelAsync(int id, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var cancelled = await db.ImportBatches.Where(b => b.Id == id && (b.State == ImportState.Checked || b.State == ImportState.Queued))
            .ExecuteUpdateAsync(
                s => s.SetProperty(b => b.State, ImportState.Cancelled)
                    .SetProperty(b => b.Content, (byte[]?)null)
                    .SetProperty(b => b.FinishedAt, now),
                ct);
        if (cancelled == 0)
        {
            return await NotReadyAsync(id, ct);
        }

        audit.Record("import.cancel", "import", id, db.Scope.RootUnitId);
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = (string)l["Import.CancelledFlash"];
        return Redirect("/staff/import");
    }

    private async Task<IActionResult> NotReadyAsync(int id, CancellationToken ct)
    {
        if (!await db.ImportBatches.AnyAsync(b => b.Id == id, ct))
        {
            return NotFound();
        }

        TempData["Flash"] = (string)l["Import.NotReady"];
        return Redirect($"/staff/import/{id}");
    }

    /// <summary>The first valid rows, read back from the kept file: rows with no recorded problem, within the range the stored problems cover.</summary>
    private async Task LoadPreviewAsync(int id, List<RowProblem> stored, bool capped, CancellationToken ct)
    {
        var batch = await db.ImportBatches.AsNoTracking().Where(b => b.Id == id).Select(b => new { b.FileName, b.Content }).FirstOrDefaultAsync(ct);
        if (batch?.Content is null)
        {
            return;
        }

        var problemRows = stored.Select(p => p.Row).ToHashSet();
        var lastKnown = capped && problemRows.Count > 0 ? problemRows.Max() : int.MaxValue;
        try
        {
            foreach (var row in RegistryFileReader.Open(batch.Content, batch.FileName, int.MaxValue).Rows())
            {
                if (row.Number > lastKnown || Preview.Count >= PreviewRows)
                {
                    break;
                }

                if (!problemRows.Contains(row.Number))
                {
                    Preview.Add(row);
                }
            }
        }
        catch (RegistryFileException)
        {
            // The file was checked already; a preview is a courtesy and may be left out.
        }
    }

    /// <summary>Dates shown as dd/MM/yyyy whether the file had text or an Excel serial number.</summary>
    public static string? Display(RegistryRow row, RegistryColumn c)
    {
        var v = row[c];
        return c is RegistryColumn.BirthDate or RegistryColumn.AdmittedOn or RegistryColumn.OfficialOn or RegistryColumn.StatusSince
            && RegistryRowValidator.TryParseDate(v, out var d) ? Formats.Date(d) : v;
    }

    private static int CountIn(string message)
    {
        var digits = new string(message.Where(char.IsAsciiDigit).ToArray());
        return int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;
    }
}
