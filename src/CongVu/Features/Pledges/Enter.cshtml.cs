using CongVu.Features.Conduct;
using CongVu.Features.Organisation;
using CongVu.Features.Reviews;
using CongVu.Infrastructure.Audit;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Pledges;

/// <summary>Staff enter a pledge on behalf of a member without a smartphone (recorded as such), or the cell's collective pledge.</summary>
[Authorize(Policy = Policies.RegistryRead)]
public sealed class EnterModel(AppDbContext db, OrgTree tree, AuditLog audit, TimeProvider time) : PageModel
{
    public RatingYear? Year { get; private set; }

    public string Owner { get; private set; } = string.Empty;

    public List<Criterion> Criteria { get; private set; } = [];

    [BindProperty]
    public PledgeInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int year, int? person, int? cell, CancellationToken ct)
    {
        var target = await LoadAsync(year, person, cell, ct);
        if (target is null)
        {
            return NotFound();
        }

        Input = PledgeInput.From(null);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int year, int? person, int? cell, CancellationToken ct)
    {
        if (!CycleAccess.CanAppraise(User))
        {
            return Forbid();
        }

        var target = await LoadAsync(year, person, cell, ct);
        if (target is null)
        {
            return NotFound();
        }

        if (Year!.State != YearState.Open)
        {
            ModelState.AddModelError(string.Empty, "Năm đánh giá không còn nhận đăng ký cam kết.");
        }

        if (await db.Set<Pledge>().IgnoreQueryFilters().AnyAsync(p => p.RatingYearId == year && p.PersonId == person && p.OrgUnitId == target.Value && p.State != PledgeState.Returned, ct))
        {
            ModelState.AddModelError(string.Empty, "Đã có bản cam kết cho năm này.");
        }

        if (!Input.Validate(ModelState, Criteria.Select(c => c.Code).ToHashSet(), submitting: true))
        {
            return Page();
        }

        var now = time.GetUtcNow().UtcDateTime;
        var pledge = new Pledge
        {
            RatingYearId = year,
            OrgUnitId = target.Value,
            PersonId = person,
            State = PledgeState.Submitted,
            SubmittedAt = now,
            UpdatedAt = now,
            EnteredOnBehalfBy = person is null ? null : User.Identity?.Name,
        };
        Input.ApplyTo(pledge);
        db.Add(pledge);
        audit.RecordSaved(person is null ? "pledge.collective" : "pledge.on-behalf", "pledge", () => pledge.Id, pledge.OrgUnitId, after: new { pledge.PersonId, pledge.State, pledge.EnteredOnBehalfBy, Items = pledge.Items.Count });
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Đã ghi bản cam kết.";
        return Redirect($"/staff/pledges/{pledge.Id}");
    }

    /// <summary>The cell the pledge belongs to, when the user may see it; null otherwise.</summary>
    private async Task<int?> LoadAsync(int year, int? person, int? cell, CancellationToken ct)
    {
        var snap = await tree.GetAsync(ct);
        Year = await CycleAccess.FindYearAsync(db, snap, year, ct);
        if (Year is null || (person is null) == (cell is null))
        {
            return null;
        }

        Criteria = await PledgeCriteria.ForYearAsync(db, Year, ct);
        if (person is int pid)
        {
            var roll = await YearRoll.LoadAsync(db, snap, Year, Infrastructure.Time.VietnamTime.Today(time), ignoreScope: false, ct);
            var member = roll.FirstOrDefault(r => r.PersonId == pid && r.MustPledge);
            Owner = member?.FullName ?? string.Empty;
            return member?.CellId;
        }

        if (!db.Scope.CanSee(cell!.Value) || snap.Find(cell.Value)?.Kind != OrgUnitKind.PartyCell)
        {
            return null;
        }

        Owner = snap.Find(cell.Value)!.Name;
        return cell;
    }
}
