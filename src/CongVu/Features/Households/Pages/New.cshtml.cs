using CongVu.Features.Organisation;
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

[Authorize(Policy = Policies.RegistryWrite)]
public sealed class NewModel(AppDbContext db, OrgTree tree, AuditLog audit, TimeProvider time) : PageModel
{
    [BindProperty]
    public HouseholdInput Input { get; set; } = new();

    public List<OrgNode> Hamlets { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Hamlets = await CurrentHamletsAsync(ct);
        Input.RegisteredOn = Infrastructure.Web.Formats.Date(VietnamTime.Today(time));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Hamlets = await CurrentHamletsAsync(ct);
        Input.Check(ModelState, "Input.", Hamlets.Select(h => h.Id).ToList(), VietnamTime.Today(time), out var members, out var registered);
        var number = Input.Number?.Trim() ?? string.Empty;
        if (ModelState.IsValid && await db.Set<Household>().AnyAsync(h => h.OrgUnitId == Input.HamletId && h.Number == number, ct))
        {
            ModelState.AddModelError("Input.Number", "Số hộ này đã có trong sổ của ấp.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var now = time.GetUtcNow().UtcDateTime;
        var household = new Household
        {
            OrgUnitId = Input.HamletId!.Value,
            Number = number,
            HeadName = Input.HeadName!.Trim(),
            SearchName = VietnameseText.Fold(Input.HeadName),
            MembersCount = members,
            Address = string.IsNullOrWhiteSpace(Input.Address) ? null : Input.Address.Trim(),
            RegisteredOn = registered,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Set<Household>().Add(household);
        audit.RecordSaved("household.create", nameof(Household), () => household.Id, household.OrgUnitId, null, new { household.Number, household.HeadName, household.MembersCount, household.RegisteredOn });
        await db.SaveChangesAsync(ct);
        return Redirect("/staff/ho-gia-dinh/" + household.Id);
    }

    private async Task<List<OrgNode>> CurrentHamletsAsync(CancellationToken ct)
    {
        var snap = await tree.GetAsync(ct);
        return IndexModel.HamletChoices(snap, db.Scope).Where(h => h.ValidTo is null).ToList();
    }
}
