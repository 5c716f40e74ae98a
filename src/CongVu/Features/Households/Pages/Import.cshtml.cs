using CongVu.Features.Organisation;
using CongVu.Features.Organisation.Import;
using CongVu.Infrastructure.Audit;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;
using CongVu.Infrastructure.Text;
using CongVu.Infrastructure.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Households.Pages;

/// <summary>Household list import: upload, preview of row problems, then commit. Idempotent on (hamlet, number): a row already in the register updates it.</summary>
[Authorize(Policy = Policies.RegistryWrite)]
[RequestSizeLimit(4 * 1024 * 1024)]
public sealed class ImportModel(AppDbContext db, OrgTree tree, AuditLog audit, TimeProvider time) : PageModel
{
    public sealed record Result(int Created, int Updated, int Unchanged, int Skipped);

    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>The previewed file, carried to the commit step (no JavaScript, no server-side temp file).</summary>
    [BindProperty]
    public string? Carried { get; set; }

    [BindProperty]
    public string? FileName { get; set; }

    public List<HouseholdImportRow>? Rows { get; private set; }

    public string? FileProblem { get; private set; }

    [TempData]
    public string? Flash { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0)
        {
            FileProblem = RegistryFileReader.EmptyMessage;
            return Page();
        }

        if (Upload.Length > HouseholdImport.MaxBytes)
        {
            FileProblem = RegistryFileReader.TooLargeMessage(HouseholdImport.MaxBytes);
            return Page();
        }

        using var ms = new MemoryStream();
        await Upload.CopyToAsync(ms, ct);
        var bytes = ms.ToArray();
        FileName = Path.GetFileName(Upload.FileName);
        Rows = await ReadAsync(bytes, FileName, ct);
        Carried = Rows is null ? null : Convert.ToBase64String(bytes);
        return Page();
    }

    public async Task<IActionResult> OnPostCommitAsync(CancellationToken ct)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(Carried ?? string.Empty);
        }
        catch (FormatException)
        {
            FileProblem = RegistryFileReader.EmptyMessage;
            return Page();
        }

        Rows = await ReadAsync(bytes, FileName, ct);
        if (Rows is null)
        {
            return Page();
        }

        var result = await CommitAsync(Rows, ct);
        Flash = $"Đã nhập sổ hộ: thêm {result.Created}, cập nhật {result.Updated}, không đổi {result.Unchanged}, bỏ qua {result.Skipped} dòng có lỗi.";
        return RedirectToPage();
    }

    private async Task<List<HouseholdImportRow>?> ReadAsync(byte[] bytes, string? fileName, CancellationToken ct)
    {
        var snap = await tree.GetAsync(ct);
        var hamlets = IndexModel.HamletChoices(snap, db.Scope).Where(h => h.ValidTo is null).ToList();
        try
        {
            return HouseholdImport.Read(bytes, fileName, hamlets, VietnamTime.Today(time));
        }
        catch (RegistryFileException ex)
        {
            FileProblem = ex.Message;
            return null;
        }
    }

    private async Task<Result> CommitAsync(List<HouseholdImportRow> rows, CancellationToken ct)
    {
        var ok = rows.Where(r => r.Ok).ToList();
        var hamletIds = ok.Select(r => r.HamletId!.Value).Distinct().ToList();
        var existing = await db.Set<Household>().Where(h => hamletIds.Contains(h.OrgUnitId)).ToListAsync(ct);
        var byKey = existing.ToDictionary(h => (h.OrgUnitId, h.Number));
        var now = time.GetUtcNow().UtcDateTime;
        var today = VietnamTime.Today(time);
        int created = 0, updated = 0, unchanged = 0;
        var changed = new List<string>();
        foreach (var r in ok)
        {
            if (byKey.TryGetValue((r.HamletId!.Value, r.Number), out var h))
            {
                if (h.HeadName == r.HeadName && h.MembersCount == r.Members && h.Address == r.Address && (r.RegisteredOn is null || h.RegisteredOn == r.RegisteredOn))
                {
                    unchanged++;
                    continue;
                }

                h.HeadName = r.HeadName;
                h.SearchName = VietnameseText.Fold(r.HeadName);
                h.MembersCount = r.Members;
                h.Address = r.Address;
                h.RegisteredOn = r.RegisteredOn ?? h.RegisteredOn;
                h.UpdatedAt = now;
                updated++;
            }
            else
            {
                h = new Household
                {
                    OrgUnitId = r.HamletId.Value,
                    Number = r.Number,
                    HeadName = r.HeadName,
                    SearchName = VietnameseText.Fold(r.HeadName),
                    MembersCount = r.Members,
                    Address = r.Address,
                    RegisteredOn = r.RegisteredOn ?? today,
                    CreatedAt = now,
                    UpdatedAt = now,
                };
                db.Set<Household>().Add(h);
                byKey[(h.OrgUnitId, h.Number)] = h;
                created++;
            }

            changed.Add(r.Number);
        }

        var result = new Result(created, updated, unchanged, rows.Count - ok.Count);
        audit.Record("household.import", nameof(Household), FileName, hamletIds.Count == 1 ? hamletIds[0] : db.Scope.RootUnitId, null,
            new { File = FileName, result.Created, result.Updated, result.Unchanged, result.Skipped, Numbers = changed.Take(200) });
        await db.SaveChangesAsync(ct);
        return result;
    }
}
