using System.ComponentModel.DataAnnotations;
using System.Globalization;
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

/// <summary>One public work: what each household or person gave, totals by hamlet and year, and the entry form.</summary>
[Authorize(Policy = Policies.RegistryRead)]
public sealed class DetailsModel(AppDbContext db, OrgTree tree, AuditLog audit, TimeProvider time) : PageModel
{
    public sealed class ContributionInput
    {
        [Required(ErrorMessage = "Vui lòng nhập tên hộ, người đóng góp.")]
        [StringLength(200, ErrorMessage = "Tên tối đa 200 ký tự.")]
        public string? DonorName { get; set; }

        public int? HamletId { get; set; }

        [StringLength(200, ErrorMessage = "Nơi ở tối đa 200 ký tự.")]
        public string? DonorFrom { get; set; }

        public bool PublicConsent { get; set; }

        public ContributionKind Kind { get; set; } = ContributionKind.Land;

        public string? Quantity { get; set; }

        public string? Value { get; set; }

        public string? OnDate { get; set; }

        [StringLength(500, ErrorMessage = "Ghi chú tối đa 500 ký tự.")]
        public string? Note { get; set; }
    }

    public PublicWork Work { get; private set; } = null!;

    public string? HamletName { get; private set; }

    public List<(Contribution Item, string Hamlet)> Rows { get; private set; } = [];

    public ContributionTotal Total { get; private set; } = null!;

    public List<ContributionTotal> ByHamlet { get; private set; } = [];

    public List<ContributionTotal> ByYear { get; private set; } = [];

    public List<OrgNode> Hamlets { get; private set; } = [];

    public bool CanManage => InitiativeAccess.IsCommittee(User);

    [BindProperty]
    public ContributionInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input.OnDate = Formats.Date(VietnamTime.Today(time));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!CanManage)
        {
            return Forbid();
        }

        if (Input.HamletId is int h && Hamlets.All(x => x.Id != h))
        {
            ModelState.AddModelError("Input.HamletId", "Vui lòng chọn ấp trong xã.");
        }

        if (!Formats.TryParseDate(Input.OnDate, out var on) || on > VietnamTime.Today(time))
        {
            ModelState.AddModelError("Input.OnDate", "Ngày không hợp lệ: nhập dạng dd/MM/yyyy, không sau hôm nay.");
        }

        if (!Enum.IsDefined(Input.Kind) || Input.Kind == ContributionKind.Gift)
        {
            ModelState.AddModelError("Input.Kind", "Loại đóng góp không hợp lệ.");
        }

        var quantity = Parse(Input.Quantity);
        if (quantity is null or <= 0)
        {
            ModelState.AddModelError("Input.Quantity", "Số lượng phải là số lớn hơn 0.");
        }

        var value = Input.Kind == ContributionKind.Money && string.IsNullOrWhiteSpace(Input.Value) ? quantity : Parse(Input.Value);
        if (value is null or < 0)
        {
            ModelState.AddModelError("Input.Value", "Giá trị ước tính phải là số không âm (đồng).");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var row = new Contribution
        {
            OrgUnitId = Work.OrgUnitId, PublicWorkId = Work.Id, HamletId = Input.HamletId, DonorName = Input.DonorName!.Trim(),
            DonorFrom = string.IsNullOrWhiteSpace(Input.DonorFrom) ? null : Input.DonorFrom.Trim(), PublicConsent = Input.PublicConsent,
            Kind = Input.Kind, Quantity = quantity!.Value, Unit = Contribution.DefaultUnit(Input.Kind), EstimatedValueVnd = value!.Value, OnDate = on,
            Note = string.IsNullOrWhiteSpace(Input.Note) ? null : Input.Note.Trim(), RecordedAt = time.GetUtcNow().UtcDateTime, RecordedBy = User.Identity?.Name,
        };
        db.Set<Contribution>().Add(row);
        audit.RecordSaved("contribution.create", "contribution", () => row.Id, row.OrgUnitId, null,
            new { row.PublicWorkId, row.DonorName, row.HamletId, row.PublicConsent, Kind = row.Kind.ToString(), row.Quantity, row.EstimatedValueVnd, row.OnDate });
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Đã ghi đóng góp.";
        return Redirect("/staff/works/" + Work.Id.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Reads "1.500.000", "1500000" or "12,5" as a clerk types them.</summary>
    public static decimal? Parse(string? text)
    {
        var t = text?.Trim().Replace(" ", "", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(t))
        {
            return null;
        }

        if (t.Count(c => c == '.') > 1 || (t.Contains('.', StringComparison.Ordinal) && t.Contains(',', StringComparison.Ordinal)) || System.Text.RegularExpressions.Regex.IsMatch(t, @"^\d{1,3}(\.\d{3})+$"))
        {
            t = t.Replace(".", "", StringComparison.Ordinal);
        }

        return decimal.TryParse(t.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var work = await db.Set<PublicWork>().AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, ct);
        if (work is null)
        {
            return false;
        }

        Work = work;
        var snap = await tree.GetAsync(ct);
        HamletName = work.HamletId is int h ? snap.Find(h)?.Name : null;
        Hamlets = snap.Children(work.OrgUnitId).Where(n => n.Kind == OrgUnitKind.Hamlet).ToList();
        var rows = await db.Set<Contribution>().AsNoTracking().Where(c => c.PublicWorkId == id).ToListAsync(ct);
        Rows = rows.OrderBy(c => c.OnDate).ThenBy(c => c.Id).Select(c => (c, c.HamletId is int x ? snap.Find(x)?.Name ?? "?" : c.DonorFrom ?? "—")).ToList();
        Total = ContributionTotals.Of(work.Name, rows);
        ByHamlet = ContributionTotals.By(rows, c => c.HamletId ?? 0, x => x == 0 ? "Ngoài xã" : snap.Find(x)?.Name ?? "?");
        ByYear = ContributionTotals.By(rows, c => c.OnDate.Year, y => y.ToString(CultureInfo.InvariantCulture));
        return true;
    }
}
