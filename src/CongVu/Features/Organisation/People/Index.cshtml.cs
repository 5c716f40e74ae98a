using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;
using CongVu.Infrastructure.Text;
using CongVu.Infrastructure.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Organisation.People;

[Authorize(Policy = Policies.RegistryRead)]
public sealed class IndexModel(AppDbContext db, OrgTree tree, TimeProvider time) : PageModel
{
    public const int PageSize = 50;

    public static readonly MemberStatus[] StatusFilters =
        [MemberStatus.Active, MemberStatus.ExemptFromActivities, MemberStatus.Suspended, MemberStatus.TransferredOut, MemberStatus.Deceased];

    public sealed record Row(int Id, string FullName, DateOnly? BirthDate, string? CellName, MemberStatus? Status, MemberClass? Class, string? Post);

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Cell { get; set; }

    [BindProperty(SupportsGet = true)]
    public MemberStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "trang")]
    public int PageNumber { get; set; } = 1;

    public int Total { get; private set; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public List<OrgNode> Cells { get; } = [];

    public List<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var snap = await tree.GetAsync(ct);
        var today = VietnamTime.Today(time);
        Cells.AddRange(CellChoices(snap, db.Scope, today, includeEnded: true));

        var people = db.People.AsNoTracking();
        var folded = VietnameseText.Fold(Q);
        if (folded.Length > 0)
        {
            // Accent-insensitive: "huynh van ly" finds "Huỳnh Văn Lý"; a card number finds its holder.
            people = people.Where(p => p.SearchName.Contains(folded) || (p.Membership != null && p.Membership.CardNumber == Q!.Trim()));
        }

        if (Cell is int cellId)
        {
            people = people.Where(p => p.Membership != null && p.Membership.OrgUnitId == cellId);
        }

        if (Status is MemberStatus st)
        {
            people = people.Where(p => p.Membership != null && p.Membership.Status == st);
        }
        else if (folded.Length == 0 && Cell is null)
        {
            // By default the list is the living registry: people who left or died are found by filter or search.
            people = people.Where(p => p.Membership == null || p.Membership.Status == MemberStatus.Active
                || p.Membership.Status == MemberStatus.ExemptFromActivities || p.Membership.Status == MemberStatus.Suspended);
        }

        Total = await people.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        var rows = await people
            .OrderBy(p => p.SearchName).ThenBy(p => p.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(p => new
            {
                p.Id,
                p.FullName,
                p.BirthDate,
                CellId = p.Membership == null ? (int?)null : p.Membership.OrgUnitId,
                Status = p.Membership == null ? (MemberStatus?)null : p.Membership.Status,
                Class = p.Membership == null ? (MemberClass?)null : p.Membership.Class,
                Post = p.Posts.Where(x => x.To == null).OrderByDescending(x => x.IsLeadership).Select(x => x.Title).FirstOrDefault(),
            })
            .ToListAsync(ct);
        Rows = rows.Select(r => new Row(r.Id, r.FullName, r.BirthDate, r.CellId is int c ? snap.Find(c)?.Name : null, r.Status, r.Class, r.Post)).ToList();
    }

    public string PageUrl(int page) =>
        QueryString.Create(new Dictionary<string, string?>
        {
            ["q"] = Q,
            ["cell"] = Cell?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["status"] = Status?.ToString(),
            ["trang"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToUriComponent() is var qs ? "/staff/people" + qs : "/staff/people";

    /// <summary>Party cells the user may see; ended cells (kept for history) after the current ones.</summary>
    public static IEnumerable<OrgNode> CellChoices(OrgTreeSnapshot snap, AccessScope scope, DateOnly day, bool includeEnded) =>
        snap.Nodes(scope.UnitIds)
            .Where(n => n.Kind == OrgUnitKind.PartyCell && (includeEnded || n.IsValidOn(day)))
            .OrderBy(n => n.IsValidOn(day) ? 0 : 1)
            .ThenBy(n => n.SortOrder)
            .ThenBy(n => n.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), false));
}
