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
public sealed class IndexModel(AppDbContext db, OrgTree tree, ReadCache cache, TimeProvider time) : PageModel
{
    public const int PageSize = 50;

    /// <summary>
    /// Past this many matches the list stops counting: a province's or the nation's roll (tens of thousands to
    /// millions) is narrowed by search or cell, not paged through, and an exact count would scan all of it.
    /// </summary>
    public const int CountCap = 1000;

    /// <summary>Above this many cells the cell list gives way to a choice of units (province → commune → cell), so a page never carries thousands of options.</summary>
    public const int MaxCellChoices = 200;

    public static readonly MemberStatus[] StatusFilters =
        [MemberStatus.Active, MemberStatus.ExemptFromActivities, MemberStatus.Suspended, MemberStatus.TransferredOut, MemberStatus.Deceased];

    public sealed record Row(int Id, string FullName, DateOnly? BirthDate, string? CellName, MemberStatus? Status, MemberClass? Class, string? Post);

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Cell { get; set; }

    [BindProperty(SupportsGet = true)]
    public MemberStatus? Status { get; set; }

    /// <summary>Narrows the list to one unit's subtree (a commune's party organisation, say) in large scopes.</summary>
    [BindProperty(SupportsGet = true, Name = "don-vi")]
    public int? Unit { get; set; }

    public OrgNode? UnitNode { get; private set; }

    /// <summary>Units to narrow by, shown instead of the cells when there are too many cells.</summary>
    public List<OrgNode> Units { get; } = [];

    [BindProperty(SupportsGet = true, Name = "trang")]
    public int PageNumber { get; set; } = 1;

    /// <summary>Matches, counted up to <see cref="CountCap"/>; see <see cref="TotalIsCapped"/>.</summary>
    public int Total { get; private set; }

    /// <summary>More than <see cref="CountCap"/> people match: the page shows "more than" and pages on while pages are full.</summary>
    public bool TotalIsCapped { get; private set; }

    /// <summary>Known page count; when the total is capped, the last known page (the pager then offers the next one while pages are full).</summary>
    public int PageCount => TotalIsCapped ? Math.Max(PageNumber, CountCap / PageSize) : Math.Max(1, (Total + PageSize - 1) / PageSize);

    public bool HasNextPage => TotalIsCapped ? Rows.Count == PageSize : PageNumber < PageCount;

    public List<OrgNode> Cells { get; } = [];

    public List<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var snap = await tree.GetAsync(ct);
        var today = VietnamTime.Today(time);
        var scope = db.Scope;
        int[]? area = null;
        if (Unit is int unitId && scope.CanSee(unitId) && snap.Find(unitId) is { } unitNode)
        {
            UnitNode = unitNode;
            area = snap.Scope(unitId).Where(scope.CanSee).ToArray();
        }
        else
        {
            Unit = null;
        }

        var cells = CellChoices(snap, area ?? scope.UnitIds, today, includeEnded: true).ToList();
        if (cells.Count > MaxCellChoices && (UnitNode?.Id ?? scope.RootUnitId) is int rootId)
        {
            var collation = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), false);
            Units.AddRange(snap.Children(rootId)
                .Where(n => OrgUnit.IsParty(n.Kind) && n.Kind != OrgUnitKind.PartyCell && scope.CanSee(n.Id))
                .OrderBy(n => n.IsValidOn(today) ? 0 : 1).ThenBy(n => n.Name, collation));
        }

        // A unit whose cells hang straight under it still lists them all, however many.
        if (Units.Count == 0)
        {
            Cells.AddRange(cells);
        }

        var people = db.People.AsNoTracking();
        if (area is not null && Cell is null)
        {
            people = people.Where(p => area.Contains(p.OrgUnitId));
        }

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

        // A page of the list and its count are read again only after people, memberships, posts or units change
        // (ReadCache): clerks page back and forth through the same roll far more often than it changes.
        var key = FormattableString.Invariant($"people|{scope.CacheKey}|{Unit}|{Cell}|{Status}|{folded}|{Q?.Trim()}|{PageNumber}");
        var list = await cache.GetOrComputeForStaffAsync(key, ListSources, token => ReadListAsync(people, token), ct);
        Total = list.Total;
        TotalIsCapped = list.Capped;
        PageNumber = list.PageNumber;
        Rows = list.Rows.Select(r => new Row(r.Id, r.FullName, r.BirthDate, r.CellId is int c ? snap.Find(c)?.Name : null, r.Status, r.Class, r.Post)).ToList();
    }

    private static readonly Type[] ListSources = [typeof(Person), typeof(PartyMembership), typeof(PublicPost), typeof(OrgUnit)];

    private sealed record ListRow(int Id, string FullName, DateOnly? BirthDate, int? CellId, MemberStatus? Status, MemberClass? Class, string? Post);

    private sealed record ListPage(int Total, bool Capped, int PageNumber, List<ListRow> Rows);

    private async Task<ListPage> ReadListAsync(IQueryable<Person> people, CancellationToken ct)
    {
        var total = await people.Take(CountCap + 1).CountAsync(ct);
        var capped = total > CountCap;
        int page;
        if (capped)
        {
            total = CountCap;
            page = Math.Max(PageNumber, 1);
        }
        else
        {
            page = Math.Clamp(PageNumber, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        }

        var rows = await people
            .OrderBy(p => p.SearchName).ThenBy(p => p.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(p => new ListRow(
                p.Id,
                p.FullName,
                p.BirthDate,
                p.Membership == null ? null : p.Membership.OrgUnitId,
                p.Membership == null ? null : p.Membership.Status,
                p.Membership == null ? null : p.Membership.Class,
                p.Posts.Where(x => x.To == null).OrderByDescending(x => x.IsLeadership).Select(x => x.Title).FirstOrDefault()))
            .ToListAsync(ct);
        return new ListPage(total, capped, page, rows);
    }

    public string PageUrl(int page) =>
        QueryString.Create(new Dictionary<string, string?>
        {
            ["q"] = Q,
            ["cell"] = Cell?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["status"] = Status?.ToString(),
            ["don-vi"] = Unit?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["trang"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToUriComponent() is var qs ? "/staff/people" + qs : "/staff/people";

    /// <summary>Party cells the user may see; ended cells (kept for history) after the current ones.</summary>
    public static IEnumerable<OrgNode> CellChoices(OrgTreeSnapshot snap, IEnumerable<int> unitIds, DateOnly day, bool includeEnded) =>
        snap.Nodes(unitIds)
            .Where(n => n.Kind == OrgUnitKind.PartyCell && (includeEnded || n.IsValidOn(day)))
            .OrderBy(n => n.IsValidOn(day) ? 0 : 1)
            .ThenBy(n => n.SortOrder)
            .ThenBy(n => n.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), false));
}
