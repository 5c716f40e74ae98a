using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CongVu.Features.Organisation.Import;

/// <summary>The import template: header row and one example row, using a real cell and agency of the user's commune when there are some.</summary>
[Authorize(Policy = Policies.RegistryWrite)]
public sealed class TemplateModel(AppDbContext db, OrgTree tree) : PageModel
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var snap = await tree.GetAsync(ct);
        var units = snap.Nodes(db.Scope.UnitIds).ToList();
        var cell = units.FirstOrDefault(u => u.Kind == OrgUnitKind.PartyCell)?.Name ?? "Chi bộ ấp Chợ";
        var agency = units.FirstOrDefault(u => u.Kind == OrgUnitKind.Agency)?.Name ?? "UBND xã";
        var stream = new MemoryStream();
        RegistryWorkbookWriter.WriteTemplate(stream, cell, agency);
        stream.Position = 0;
        return File(stream, ContentType, "mau-nhap-danh-sach.xlsx");
    }
}
