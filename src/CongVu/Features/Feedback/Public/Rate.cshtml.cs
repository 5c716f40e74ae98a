using System.Globalization;
using CongVu.Features.Organisation;
using CongVu.Infrastructure.Audit;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Feedback.Public;

/// <summary>A quick 5-level rating of an official or a desk, reached by the QR code at the desk.</summary>
[AllowAnonymous]
[EnableRateLimiting(Infrastructure.Security.SecuritySetup.PublicFormLimiter)]
public sealed class RateModel(AppDbContext db, OrgTree orgTree, AuditLog audit, TimeProvider time) : PageModel
{
    public static readonly string[] Desks = ["mot-cua"];

    [BindProperty(SupportsGet = true, Name = "can-bo")]
    public int? PersonId { get; set; }

    [BindProperty(SupportsGet = true, Name = "quay")]
    public string? Desk { get; set; }

    [BindProperty(SupportsGet = true, Name = "xa")]
    public string? Commune { get; set; }

    [BindProperty]
    public int Attitude { get; set; }

    [BindProperty]
    public int Timeliness { get; set; }

    [BindProperty]
    public int Clarity { get; set; }

    [BindProperty]
    public int Trips { get; set; }

    [BindProperty]
    public string? Website { get; set; }

    public string? Target { get; private set; }

    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? cam, CancellationToken ct)
    {
        Done = cam == 1;
        return await ResolveAsync(ct) is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var unitId = await ResolveAsync(ct);
        if (unitId is null)
        {
            return NotFound();
        }

        ModelState.Clear();
        if (!string.IsNullOrEmpty(Website))
        {
            ModelState.AddModelError(string.Empty, "Không ghi nhận được đánh giá. Vui lòng thử lại.");
        }

        foreach (var (name, value) in new[] { (nameof(Attitude), Attitude), (nameof(Timeliness), Timeliness), (nameof(Clarity), Clarity) })
        {
            if (value is < 1 or > 5)
            {
                ModelState.AddModelError(name, "Vui lòng chọn mức từ 1 đến 5.");
            }
        }

        if (Trips is < 1 or > 3)
        {
            ModelState.AddModelError(nameof(Trips), "Vui lòng chọn số lần phải đi lại.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var rating = new DeskRating
        {
            OrgUnitId = unitId.Value,
            PersonId = PersonId,
            Desk = PersonId is null ? Desk : null,
            Attitude = Attitude,
            Timeliness = Timeliness,
            Clarity = Clarity,
            Trips = Trips,
            At = time.GetUtcNow().UtcDateTime,
            On = VietnamTime.Today(time),
        };
        db.Set<DeskRating>().Add(rating);
        audit.RecordSaved("feedback.rating", "desk-rating", () => rating.Id, rating.OrgUnitId);
        await db.SaveChangesAsync(ct);
        var query = PersonId is int p ? "can-bo=" + p.ToString(CultureInfo.InvariantCulture) : "xa=" + Uri.EscapeDataString(Commune ?? string.Empty) + "&quay=" + Uri.EscapeDataString(Desk ?? string.Empty);
        return Redirect("/danh-gia?" + query + "&cam=1");
    }

    /// <summary>The unit the rating belongs to: the official's current post, or the desk's commune office.</summary>
    private async Task<int?> ResolveAsync(CancellationToken ct)
    {
        var today = VietnamTime.Today(time);
        var tree = await orgTree.GetAsync(ct);
        if (PersonId is int personId)
        {
            var post = await db.PublicPosts.IgnoreQueryFilters().AsNoTracking()
                .Where(p => p.PersonId == personId && p.From <= today && (p.To == null || p.To >= today))
                .Select(p => new { p.OrgUnitId, p.Title, p.Person!.FullName })
                .FirstOrDefaultAsync(ct);
            if (post is null)
            {
                return null;
            }

            Target = $"{post.FullName} — {post.Title}";
            return post.OrgUnitId;
        }

        var commune = Commune is null ? null : tree.FindByCode(Commune);
        if (commune is null || commune.Kind != OrgUnitKind.Commune || !Desks.Contains(Desk))
        {
            return null;
        }

        Target = $"Bộ phận một cửa — {commune.Name}";
        return FeedbackService.OfficeOf(tree, commune.Id);
    }
}
