using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;
using CongVu.Infrastructure.Time;
using CongVu.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CongVu.Features.Organisation.Units;

[Authorize(Policy = Policies.RegistryRead)]
public sealed class IndexModel(AppDbContext db, OrgTree tree, TimeProvider time) : PageModel
{
    private OrgTreeSnapshot? _snap;
    private HashSet<int> _visible = [];

    [BindProperty(SupportsGet = true, Name = "ngay")]
    public string? DayText { get; set; }

    [BindProperty(SupportsGet = true, Name = "ended")]
    public bool ShowEnded { get; set; }

    public DateOnly Day { get; private set; }

    public List<OrgNode> Roots { get; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Day = Formats.TryParseDate(DayText, out var d) ? d : VietnamTime.Today(time);
        _snap = await tree.GetAsync(ct);
        _visible = db.Scope.UnitIds.ToHashSet();
        // Roots of the visible forest: visible units whose parent the user cannot see.
        Roots.AddRange(_snap.Nodes(_visible)
            .Where(n => Shown(n) && (n.ParentId is null || !_visible.Contains(n.ParentId.Value)))
            .OrderBy(n => n.IsValidOn(Day) ? 0 : 1).ThenBy(n => n.Kind).ThenBy(n => n.SortOrder));
    }

    public IEnumerable<OrgNode> VisibleChildren(OrgNode node) =>
        _snap!.Children(node.Id).Where(c => _visible.Contains(c.Id) && Shown(c));

    private bool Shown(OrgNode n) => ShowEnded || n.IsValidOn(Day);
}
