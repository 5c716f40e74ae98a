using System.ComponentModel.DataAnnotations;
using CongVu.Infrastructure.Audit;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CongVu.Features.Organisation.Import;

// Request size limits come from Import:MaxFileBytes through a page convention in ImportModule.
[Authorize(Policy = Policies.RegistryWrite)]
public sealed class UploadModel(
    AppDbContext db,
    ImportJobs jobs,
    AuditLog audit,
    TimeProvider time,
    IOptions<ImportOptions> options,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record BatchRow(int Id, string FileName, ImportState State, int TotalRows, int ValidRows, int ImportedRows, DateTime CreatedAt, string CreatedBy);

    [BindProperty]
    [Display(Name = "Import.File")]
    public IFormFile? Upload { get; set; }

    public List<BatchRow> Batches { get; } = [];

    public long MaxFileBytes => options.Value.MaxFileBytes;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        byte[]? content = null;
        var totalRows = 0;
        if (db.Scope.RootUnitId is not int root)
        {
            ModelState.AddModelError(nameof(Upload), l["Import.NoScope"]);
            root = 0;
        }
        else if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), l["Import.Empty"]);
        }
        else if (RegistryFileReader.CheckSize(Upload.Length, options.Value.MaxFileBytes) is string sizeError)
        {
            ModelState.AddModelError(nameof(Upload), sizeError);
        }
        else
        {
            using var buffer = new MemoryStream((int)Upload.Length);
            await Upload.CopyToAsync(buffer, ct);
            content = buffer.ToArray();
            try
            {
                // Format, header and at least one row are checked now, so a file that cannot be used is never stored.
                // The rows are not all read here: the check that follows reads them once (a large file was read three times).
                var file = RegistryFileReader.Open(content, Upload.FileName, options.Value.MaxRows);
                totalRows = file.EstimateRows();
                if (!file.HasRows())
                {
                    ModelState.AddModelError(nameof(Upload), RegistryFileReader.EmptyMessage);
                }
                else if (totalRows > options.Value.MaxRows)
                {
                    ModelState.AddModelError(nameof(Upload), RegistryFileReader.TooManyRowsMessage(options.Value.MaxRows));
                }
            }
            catch (RegistryFileException e)
            {
                ModelState.AddModelError(nameof(Upload), e.Message);
            }
        }

        if (!ModelState.IsValid || content is null)
        {
            await LoadAsync(ct);
            return Page();
        }

        var name = Path.GetFileName(Upload!.FileName);
        var batch = new ImportBatch
        {
            OrgUnitId = root,
            FileName = name.Length > 260 ? name[^260..] : name,
            FileSize = content.Length,
            Content = content,
            State = ImportState.Queued,
            TotalRows = totalRows,
            CreatedBy = User.Identity?.Name ?? string.Empty,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.ImportBatches.Add(batch);
        audit.RecordSaved("import.upload", "import", () => batch.Id, root, after: new { batch.FileName, batch.FileSize, rows = totalRows });
        await db.SaveChangesAsync(ct);
        jobs.Enqueue(batch.Id);
        return Redirect($"/staff/import/{batch.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Batches.AddRange(await db.ImportBatches.AsNoTracking()
            .OrderByDescending(b => b.CreatedAt).ThenByDescending(b => b.Id)
            .Take(20)
            .Select(b => new BatchRow(b.Id, b.FileName, b.State, b.TotalRows, b.ValidRows, b.ImportedRows, b.CreatedAt, b.CreatedBy))
            .ToListAsync(ct));
    }
}
