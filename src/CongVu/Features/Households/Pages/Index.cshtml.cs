using System.Globalization;
using CongVu.Features.Organisation;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;
using CongVu.Infrastructure.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Households.Pages;

/// <summary>The household register of the hamlets in scope: search by head name (accent-insensitive) or number, filter by hamlet.</summary>
[Authorize(Policy = Policies.RegistryRead)]
public sealed class IndexModel(AppDbContext db, OrgTree tree) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(int Id, string Number, string HeadName, string Hamlet, int Members, DateOnly? LeftOn);

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "ap")]
    public int? Hamlet { get; set; }

    [BindProperty(SupportsGet = true, Name = "trang")]
    public int PageNumber { get; set; } = 1;

    public int Total { get; private set; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public List<OrgNode> Hamlets { get; private set; } = [];

    public List<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var snap = await tree.GetAsync(ct);
        Hamlets = HamletChoices(snap, db.Scope);
        var q = db.Set<Household>().AsNoTracking();
        var folded = VietnameseText.Fold(Q);
        if (folded.Length > 0)
        {
            var raw = Q!.Trim();
            q = q.Where(h => h.SearchName.Contains(folded) || h.Number == raw);
        }

        if (Hamlet is int hamlet)
        {
            q = q.Where(h => h.OrgUnitId == hamlet);
        }

        Total = await q.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        var rows = await q.OrderBy(h => h.OrgUnitId).ThenBy(h => h.Number).Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(h => new { h.Id, h.Number, h.HeadName, h.OrgUnitId, h.MembersCount, h.LeftOn })
            .ToListAsync(ct);
        Rows = rows.Select(r => new Row(r.Id, r.Number, r.HeadName, snap.Find(r.OrgUnitId)?.Name ?? string.Empty, r.MembersCount, r.LeftOn)).ToList();
    }

    public string PageUrl(int page) =>
        "/staff/ho-gia-dinh" + QueryString.Create(new Dictionary<string, string?>
        {
            ["q"] = Q,
            ["ap"] = Hamlet?.ToString(CultureInfo.InvariantCulture),
            ["trang"] = page.ToString(CultureInfo.InvariantCulture),
        }.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToUriComponent();

    /// <summary>Hamlets in the user's scope, current ones first.</summary>
    public static List<OrgNode> HamletChoices(OrgTreeSnapshot snap, AccessScope scope) =>
        snap.Nodes(scope.UnitIds).Where(n => n.Kind == OrgUnitKind.Hamlet)
            .OrderBy(n => n.ValidTo is null ? 0 : 1).ThenBy(n => n.ParentId).ThenBy(n => n.SortOrder).ToList();
}
