using System.Globalization;
using CongVu.Infrastructure.Audit;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;
using CongVu.Infrastructure.Time;
using CongVu.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Organisation.Import;

/// <summary>Everyone in the user's scope as .xlsx, in the import's columns so the file can be edited and imported elsewhere.</summary>
[Authorize(Policy = Policies.RegistryRead)]
[ResponseCache(NoStore = true)]
public sealed class ExportModel(AppDbContext db, OrgTree tree, AuditLog audit, TimeProvider time) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var snap = await tree.GetAsync(ct);
        string? Name(int? id) => id is int i ? snap.Find(i)?.Name : null;

        // A temporary file, not memory: the package needs a seekable stream and the export can be large.
        var path = Path.Combine(Path.GetTempPath(), "congvu-export-" + Guid.NewGuid().ToString("N") + ".xlsx");
        var stream = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        int count;
        try
        {
            using (var writer = new RegistryWorkbookWriter(stream, "Danh sach"))
            {
                writer.WriteRow(RegistryWorkbookWriter.HeaderRow());
                var people = db.People.AsNoTracking().OrderBy(p => p.Id).Select(p => new
                {
                    p.FullName,
                    p.BirthDate,
                    p.Gender,
                    p.Ethnicity,
                    p.Phone,
                    p.Address,
                    CellId = p.Membership == null ? (int?)null : p.Membership.OrgUnitId,
                    Card = p.Membership == null ? null : p.Membership.CardNumber,
                    AdmittedOn = p.Membership == null ? (DateOnly?)null : p.Membership.AdmittedOn,
                    OfficialOn = p.Membership == null ? null : p.Membership.OfficialOn,
                    Status = p.Membership == null ? (MemberStatus?)null : p.Membership.Status,
                    StatusSince = p.Membership == null ? (DateOnly?)null : p.Membership.StatusSince,
                    Reason = p.Membership == null ? null : p.Membership.StatusReason,
                    Post = p.Posts.Where(x => x.To == null).OrderBy(x => x.From).Select(x => new { x.Title, x.OrgUnitId }).FirstOrDefault(),
                }).AsAsyncEnumerable();
                await foreach (var p in people.WithCancellation(ct))
                {
                    var exempt = p.Status is MemberStatus.ExemptFromActivities or MemberStatus.Suspended;
                    writer.WriteRow(
                    [
                        p.FullName,
                        Date(p.BirthDate),
                        RegistryWorkbookWriter.GenderText(p.Gender),
                        p.Ethnicity,
                        p.Phone,
                        p.Address,
                        Name(p.CellId),
                        p.Card,
                        Date(p.AdmittedOn),
                        Date(p.OfficialOn),
                        p.Status is MemberStatus s ? RegistryWorkbookWriter.StatusText(s) : null,
                        exempt ? Date(p.StatusSince) : null,
                        exempt ? p.Reason : null,
                        p.Post?.Title,
                        Name(p.Post?.OrgUnitId),
                    ]);
                }

                count = writer.RowCount - 1;
            }

            audit.Record("registry.export", "person", null, db.Scope.RootUnitId, after: new { rows = count });
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }

        stream.Position = 0;
        var today = VietnamTime.Today(time);
        return File(stream, TemplateModel.ContentType, $"dang-vien-{today.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.xlsx");
    }

    private static string? Date(DateOnly? d) => d is null ? null : Formats.Date(d);
}
