using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;
using CongVu.Infrastructure.Time;
using CongVu.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Organisation.Units;

[Authorize(Policy = Policies.RegistryRead)]
public sealed class DetailsModel(AppDbContext db, OrgTree tree, TimeProvider time) : PageModel
{
    /// <summary>A party organisation lists its members on the page up to this many; larger ones show counts.</summary>
    private const int MemberListLimit = 500;

    public sealed record MemberRow(int PersonId, string FullName, string CellName, MemberClass Class, MemberStatus Status);

    [BindProperty(SupportsGet = true, Name = "ngay")]
    public string? DayText { get; set; }

    public DateOnly Day { get; private set; }

    public OrgNode? Unit { get; private set; }

    public List<OrgNode> Ancestors { get; } = [];

    public List<OrgNode> Children { get; } = [];

    public List<OrgNode> Predecessors { get; } = [];

    public List<OrgNode> Successors { get; } = [];

    public bool IsPartyOrg { get; private set; }

    public RollCount Roll { get; private set; } = new(0, 0, 0, 0);

    public List<MemberRow> Members { get; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!db.Scope.CanSee(id))
        {
            return NotFound();
        }

        var snap = await tree.GetAsync(ct);
        Unit = snap.Find(id);
        if (Unit is null)
        {
            return NotFound();
        }

        // Default day: today for a living unit, its last day for one that has ended, so history shows as it was.
        var today = VietnamTime.Today(time);
        Day = Formats.TryParseDate(DayText, out var d) ? d : Unit.ValidTo is DateOnly end && end < today ? end : today;
        Ancestors.AddRange(snap.AncestorsAndSelf(id).Skip(1).Where(a => db.Scope.CanSee(a.Id)).Reverse());
        Children.AddRange(snap.Children(id).Where(c => db.Scope.CanSee(c.Id)));
        Predecessors.AddRange(snap.Predecessors(id));
        Successors.AddRange(snap.Successors(id));
        IsPartyOrg = OrgUnit.IsParty(Unit.Kind);
        if (!IsPartyOrg)
        {
            return Page();
        }

        var cells = Unit.Kind == OrgUnitKind.PartyCell ? [id] : RegistryQueries.CellsOn(snap, id, Day);
        var cellArray = cells.ToArray();
        var periods = db.MembershipPeriods.Where(p => cellArray.Contains(p.OrgUnitId));
        Roll = await RegistryQueries.CountAsync(periods, Day, cellArray.Length, ct);
        if (Roll.Members <= MemberListLimit)
        {
            var day = Day;
            var rows = await periods
                .Where(p => p.From <= day && (p.To == null || p.To >= day)
                    && (p.Status == MemberStatus.Active || p.Status == MemberStatus.ExemptFromActivities || p.Status == MemberStatus.Suspended))
                .Select(p => new { p.Membership!.PersonId, p.Membership.Person!.FullName, p.Membership.Person.SearchName, p.OrgUnitId, p.Class, p.Status })
                .OrderBy(r => r.SearchName)
                .ToListAsync(ct);
            Members.AddRange(rows.Select(r => new MemberRow(r.PersonId, r.FullName, snap.Find(r.OrgUnitId)?.Name ?? "—", r.Class, r.Status)));
        }

        return Page();
    }
}
