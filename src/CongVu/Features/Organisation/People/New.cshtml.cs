using System.ComponentModel.DataAnnotations;
using CongVu.Infrastructure.Audit;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;
using CongVu.Infrastructure.Time;
using CongVu.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Organisation.People;

[Authorize(Policy = Policies.RegistryWrite)]
public sealed class NewModel(AppDbContext db, OrgTree tree, AuditLog audit, TimeProvider time) : PageModel
{
    [BindProperty]
    public PersonInput Person { get; set; } = new();

    [BindProperty]
    [Display(Name = "People.Cell")]
    public int? CellId { get; set; }

    [BindProperty]
    [StringLength(30, ErrorMessage = "Validation.TooLong")]
    [RegularExpression("^[0-9A-Za-z./-]*$", ErrorMessage = "Validation.CardNumber")]
    [Display(Name = "Person.CardNumber")]
    public string? CardNumber { get; set; }

    [BindProperty]
    [StringLength(10, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Person.AdmittedOn")]
    public string? AdmittedOn { get; set; }

    [BindProperty]
    [StringLength(10, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Person.OfficialOn")]
    public string? OfficialOn { get; set; }

    [BindProperty]
    [Display(Name = "Person.Agency")]
    public int? AgencyId { get; set; }

    [BindProperty]
    [StringLength(200, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Person.Post")]
    public string? PostTitle { get; set; }

    public List<OrgNode> Cells { get; } = [];

    public List<OrgNode> Agencies { get; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadChoicesAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        var today = VietnamTime.Today(time);
        Person.Check(ModelState, today, "Person.");
        DateOnly admitted = default;
        DateOnly? official = null;
        if (CellId is int cellId)
        {
            if (!Cells.Any(c => c.Id == cellId))
            {
                ModelState.AddModelError(nameof(CellId), "Chi bộ không thuộc phạm vi quản lý của bạn.");
            }

            if (!Formats.TryParseDate(AdmittedOn, out admitted) || admitted > today)
            {
                ModelState.AddModelError(nameof(AdmittedOn), "Nhập ngày vào Đảng hợp lệ (dd/mm/yyyy), không sau hôm nay.");
            }

            if (!string.IsNullOrWhiteSpace(OfficialOn))
            {
                if (!Formats.TryParseDate(OfficialOn, out var o) || o < admitted || o > today)
                {
                    ModelState.AddModelError(nameof(OfficialOn), "Ngày chính thức phải sau ngày vào Đảng và không sau hôm nay.");
                }
                else
                {
                    official = o;
                }
            }

            if (!string.IsNullOrWhiteSpace(CardNumber) && await db.Memberships.IgnoreQueryFilters().AnyAsync(m => m.CardNumber == CardNumber.Trim(), ct))
            {
                ModelState.AddModelError(nameof(CardNumber), "Số thẻ đảng viên này đã có trong hệ thống.");
            }
        }

        if (AgencyId is int agencyId && !Agencies.Any(a => a.Id == agencyId))
        {
            ModelState.AddModelError(nameof(AgencyId), "Cơ quan không thuộc phạm vi quản lý của bạn.");
        }

        if ((AgencyId is null) != string.IsNullOrWhiteSpace(PostTitle))
        {
            ModelState.AddModelError(nameof(PostTitle), "Chức vụ cần đi cùng cơ quan (nhập cả hai hoặc để trống cả hai).");
        }

        if (CellId is null && AgencyId is null)
        {
            ModelState.AddModelError(string.Empty, "Chọn chi bộ (đảng viên) hoặc cơ quan và chức vụ (cán bộ, công chức).");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var now = time.GetUtcNow().UtcDateTime;
        // The person and its audit entry commit together or not at all.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var person = new Person { FullName = string.Empty, OrgUnitId = CellId ?? AgencyId!.Value, CreatedAt = now, UpdatedAt = now };
        Person.ApplyTo(person);
        db.People.Add(person);
        if (CellId is int cell)
        {
            var m = MembershipLedger.Admit(person, cell, CardNumber, admitted, official is null ? MemberClass.Probationary : MemberClass.Official,
                official, MemberStatus.Active, admitted, null, MembershipChange.Admitted, now, User.Identity?.Name);
            db.Memberships.Add(m);
        }

        if (AgencyId is int agency)
        {
            db.PublicPosts.Add(new PublicPost { Person = person, OrgUnitId = agency, Title = PostTitle!.Trim(), From = today });
        }

        audit.RecordSaved("person.create", "person", () => person.Id, person.OrgUnitId, after: new { person.FullName, CellId, CardNumber, AgencyId, PostTitle });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        TempData["Flash"] = $"Đã thêm {person.FullName}.";
        return Redirect($"/staff/people/{person.Id}");
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        var snap = await tree.GetAsync(ct);
        var today = VietnamTime.Today(time);
        Cells.AddRange(IndexModel.CellChoices(snap, db.Scope.UnitIds, today, includeEnded: false));
        Agencies.AddRange(snap.Nodes(db.Scope.UnitIds)
            .Where(n => n.Kind == OrgUnitKind.Agency && n.IsValidOn(today)).OrderBy(n => n.SortOrder).ThenBy(n => n.Name, StringComparer.Ordinal));
    }
}
