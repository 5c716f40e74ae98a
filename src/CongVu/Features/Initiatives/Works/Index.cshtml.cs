using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CongVu.Features.Households;
using CongVu.Features.Organisation;
using CongVu.Infrastructure.Audit;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;
using CongVu.Infrastructure.Time;
using CongVu.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Initiatives.Works;

/// <summary>Public works of the scope with what people gave, totals per work, hamlet and year, and donors' support to poor households.</summary>
[Authorize(Policy = Policies.RegistryRead)]
public sealed class IndexModel(AppDbContext db, OrgTree tree, AuditLog audit, TimeProvider time) : PageModel
{
    public sealed class SupportInput
    {
        [Required(ErrorMessage = "Vui lòng nhập tên nhà hảo tâm.")]
        [StringLength(200, ErrorMessage = "Tên tối đa 200 ký tự.")]
        public string? DonorName { get; set; }

        [StringLength(200, ErrorMessage = "Nơi ở tối đa 200 ký tự.")]
        public string? DonorFrom { get; set; }

        public bool PublicConsent { get; set; }

        public ContributionKind Kind { get; set; } = ContributionKind.Gift;

        public string? Quantity { get; set; }

        public string? Value { get; set; }

        public string? OnDate { get; set; }

        [StringLength(30, ErrorMessage = "Số hộ tối đa 30 ký tự.")]
        public string? HouseholdNumber { get; set; }

        [StringLength(300, ErrorMessage = "Mô tả người nhận tối đa 300 ký tự.")]
        public string? RecipientDescription { get; set; }

        [StringLength(500, ErrorMessage = "Ghi chú tối đa 500 ký tự.")]
        public string? Note { get; set; }
    }

    public sealed record WorkRow(PublicWork Work, string Commune, ContributionTotal Total);

    public sealed record SupportRow(Contribution Item, string Recipient);

    public List<WorkRow> Works { get; private set; } = [];

    public List<ContributionTotal> ByHamlet { get; private set; } = [];

    public List<ContributionTotal> ByYear { get; private set; } = [];

    public List<SupportRow> Support { get; private set; } = [];

    public ContributionTotal? SupportTotal { get; private set; }

    public bool CanManage => InitiativeAccess.IsCommittee(User);

    [BindProperty]
    public SupportInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input.OnDate = Formats.Date(VietnamTime.Today(time));
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostSupportAsync(CancellationToken ct)
    {
        if (!CanManage)
        {
            return Forbid();
        }

        var snap = await tree.GetAsync(ct);
        var commune = Commune(snap);
        if (commune is null)
        {
            ModelState.AddModelError(string.Empty, "Tài khoản của bạn không thuộc một xã.");
        }

        if (!Formats.TryParseDate(Input.OnDate, out var on) || on > VietnamTime.Today(time))
        {
            ModelState.AddModelError("Input.OnDate", "Ngày không hợp lệ: nhập dạng dd/MM/yyyy, không sau hôm nay.");
        }

        var quantity = Amount(Input.Quantity, "Input.Quantity", "Số lượng");
        var value = Amount(Input.Value, "Input.Value", "Giá trị ước tính");
        if (Input.Kind is not (ContributionKind.Gift or ContributionKind.Money))
        {
            ModelState.AddModelError("Input.Kind", "Hỗ trợ hộ nghèo là quà tặng hoặc tiền.");
        }

        Household? household = null;
        if (!string.IsNullOrWhiteSpace(Input.HouseholdNumber))
        {
            // Scoped: a household number of another commune is not found.
            household = await db.Set<Household>().FirstOrDefaultAsync(h => h.Number == Input.HouseholdNumber.Trim(), ct);
            if (household is null)
            {
                ModelState.AddModelError("Input.HouseholdNumber", "Không tìm thấy hộ có số này trong phạm vi của bạn.");
            }
        }
        else if (string.IsNullOrWhiteSpace(Input.RecipientDescription))
        {
            ModelState.AddModelError("Input.RecipientDescription", "Vui lòng nhập số hộ nhận hỗ trợ, hoặc mô tả người nhận.");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        var row = new Contribution
        {
            OrgUnitId = commune!.Id, HamletId = household?.OrgUnitId, DonorName = Input.DonorName!.Trim(), DonorFrom = Trim(Input.DonorFrom), PublicConsent = Input.PublicConsent,
            Kind = Input.Kind, Quantity = quantity, Unit = Contribution.DefaultUnit(Input.Kind), EstimatedValueVnd = value, OnDate = on, Note = Trim(Input.Note),
            RecipientHouseholdId = household?.Id, RecipientDescription = household is null ? Trim(Input.RecipientDescription) : null,
            RecordedAt = time.GetUtcNow().UtcDateTime, RecordedBy = User.Identity?.Name,
        };
        db.Set<Contribution>().Add(row);
        audit.RecordSaved("contribution.support", "contribution", () => row.Id, row.OrgUnitId, null, new { row.DonorName, row.Kind, row.Quantity, row.EstimatedValueVnd, row.RecipientHouseholdId, row.RecipientDescription });
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Đã ghi hỗ trợ hộ nghèo.";
        return Redirect("/staff/works");
    }

    private OrgNode? Commune(OrgTreeSnapshot snap) =>
        int.TryParse(User.FindFirst(AppClaims.OrgUnit)?.Value, out var unit) ? snap.CommuneOf(unit) : null;

    private decimal Amount(string? text, string key, string label)
    {
        if (DetailsModel.Parse(text) is decimal v && v >= 0)
        {
            return v;
        }

        ModelState.AddModelError(key, label + " phải là số không âm.");
        return 0;
    }

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private async Task LoadAsync(CancellationToken ct)
    {
        var snap = await tree.GetAsync(ct);
        var works = await db.Set<PublicWork>().AsNoTracking().ToListAsync(ct);
        var rows = await db.Set<Contribution>().AsNoTracking().ToListAsync(ct);
        var toWorks = rows.Where(c => c.PublicWorkId is not null).ToList();
        Works = works.OrderByDescending(w => w.StartOn).ThenBy(w => w.Name, StringComparer.Ordinal)
            .Select(w => new WorkRow(w, snap.Find(w.OrgUnitId)?.Name ?? "?", ContributionTotals.Of(w.Name, toWorks.Where(c => c.PublicWorkId == w.Id))))
            .ToList();
        ByHamlet = ContributionTotals.By(toWorks, c => c.HamletId ?? 0, id => id == 0 ? "Ngoài xã" : snap.Find(id)?.Name ?? "?");
        ByYear = ContributionTotals.By(toWorks, c => c.OnDate.Year, y => y.ToString(CultureInfo.InvariantCulture));
        var support = rows.Where(c => c.PublicWorkId is null).OrderByDescending(c => c.OnDate).ThenBy(c => c.Id).ToList();
        var ids = support.Select(s => s.RecipientHouseholdId).OfType<int>().ToArray();
        var households = await db.Set<Household>().AsNoTracking().Where(h => ids.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.Number + " — " + h.HeadName, ct);
        Support = support.Select(s => new SupportRow(s, s.RecipientHouseholdId is int h ? households.GetValueOrDefault(h) ?? "?" : s.RecipientDescription ?? "?")).ToList();
        SupportTotal = ContributionTotals.Of("support", support);
    }
}
