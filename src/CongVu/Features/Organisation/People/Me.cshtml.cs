using System.Security.Claims;
using CongVu.Infrastructure.Audit;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Organisation.People;

/// <summary>Every signed-in person may read their own record, whatever their role's scope.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class MeModel(AppDbContext db, OrgTree tree, AuditLog audit) : PageModel
{
    public PersonRecord? Record { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!int.TryParse(User.FindFirstValue(AppClaims.Person), out var personId))
        {
            return NotFound();
        }

        // The scope filter is lifted for exactly one row: the user's own person id from their sign-in.
        Record = await PersonRecord.LoadAsync(db.People.IgnoreQueryFilters().Where(p => p.Id == personId), db, tree, personId, ignoreScope: true, ct);
        if (Record is null)
        {
            return NotFound();
        }

        await audit.RecordReadAsync("person", personId, Record.Person.OrgUnitId, ct);
        return Page();
    }
}
