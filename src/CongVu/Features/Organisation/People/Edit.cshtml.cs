using System.ComponentModel.DataAnnotations;
using CongVu.Infrastructure.Audit;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;
using CongVu.Infrastructure.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Organisation.People;

[Authorize(Policy = Policies.RegistryWrite)]
public sealed class EditModel(AppDbContext db, AuditLog audit, TimeProvider time) : PageModel
{
    [BindProperty]
    public PersonInput Person { get; set; } = new();

    [BindProperty]
    [StringLength(30, ErrorMessage = "Validation.TooLong")]
    [RegularExpression("^[0-9A-Za-z./-]*$", ErrorMessage = "Validation.CardNumber")]
    [Display(Name = "Person.CardNumber")]
    public string? CardNumber { get; set; }

    public int Id { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public bool IsMember { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var p = await db.People.AsNoTracking().Include(x => x.Membership).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null)
        {
            return NotFound();
        }

        Show(p);
        Person = PersonInput.From(p);
        CardNumber = p.Membership?.CardNumber;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var p = await db.People.Include(x => x.Membership).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null)
        {
            return NotFound();
        }

        Show(p);
        Person.Check(ModelState, VietnamTime.Today(time), "Person.");
        var card = string.IsNullOrWhiteSpace(CardNumber) ? null : CardNumber.Trim();
        if (p.Membership is not null && card is not null && card != p.Membership.CardNumber
            && await db.Memberships.IgnoreQueryFilters().AnyAsync(m => m.CardNumber == card && m.Id != p.Membership.Id, ct))
        {
            ModelState.AddModelError(nameof(CardNumber), "Số thẻ đảng viên này đã có trong hệ thống.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var before = new { p.FullName, p.BirthDate, p.Gender, p.Ethnicity, p.Phone, p.Address, p.Membership?.CardNumber };
        Person.ApplyTo(p);
        if (p.Membership is not null)
        {
            p.Membership.CardNumber = card;
        }

        p.UpdatedAt = time.GetUtcNow().UtcDateTime;
        audit.Record("person.update", "person", p.Id, p.OrgUnitId, before, new { p.FullName, p.BirthDate, p.Gender, p.Ethnicity, p.Phone, p.Address, p.Membership?.CardNumber });
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Đã lưu thay đổi.";
        return Redirect($"/staff/people/{p.Id}");
    }

    private void Show(Person p)
    {
        Id = p.Id;
        Name = p.FullName;
        IsMember = p.Membership is not null;
    }
}
