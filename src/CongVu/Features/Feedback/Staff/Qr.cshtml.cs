using System.Globalization;
using System.Security.Claims;
using CongVu.Features.Organisation;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;
using CongVu.Infrastructure.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QRCoder;

namespace CongVu.Features.Feedback.Staff;

/// <summary>A printable sheet of QR codes: per official (rating and prefilled feedback form) and for the one-stop desk.</summary>
[Authorize(Policy = FeedbackPolicies.Read)]
public sealed class QrModel(AppDbContext db, OrgTree orgTree, TimeProvider time) : PageModel
{
    public sealed record Card(string Title, string Subtitle, string RateUrl, string RateSvg, string FormUrl, string FormSvg);

    public IReadOnlyList<Card> Cards { get; private set; } = [];

    public string? Commune { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var tree = await orgTree.GetAsync(ct);
        _ = int.TryParse(User.FindFirstValue(AppClaims.OrgUnit), CultureInfo.InvariantCulture, out var unitId);
        var commune = tree.CommuneOf(unitId);
        if (commune is null)
        {
            return;
        }

        Commune = commune.Name;
        var today = VietnamTime.Today(time);
        var baseUrl = $"{Request.Scheme}://{Request.Host}";
        var agencies = tree.Children(commune.Id).Where(c => c.Kind == OrgUnitKind.Agency && c.IsValidOn(today)).Select(c => c.Id).ToList();
        var posts = await db.PublicPosts.AsNoTracking()
            .Where(p => agencies.Contains(p.OrgUnitId) && p.From <= today && (p.To == null || p.To >= today))
            .Select(p => new { p.PersonId, p.Person!.FullName, p.Title, p.IsLeadership })
            .ToListAsync(ct);
        var cards = new List<Card>
        {
            Make("Bộ phận một cửa", commune.Name, $"{baseUrl}/danh-gia?xa={commune.Code}&quay=mot-cua", $"{baseUrl}/gop-y?xa={commune.Code}"),
        };
        cards.AddRange(posts.GroupBy(p => p.PersonId).Select(g => g.OrderByDescending(p => p.IsLeadership).First())
            .OrderByDescending(p => p.IsLeadership).ThenBy(p => p.FullName, StringComparer.Ordinal)
            .Select(p => Make(p.FullName, p.Title,
                $"{baseUrl}/danh-gia?can-bo={p.PersonId.ToString(CultureInfo.InvariantCulture)}",
                $"{baseUrl}/gop-y?xa={commune.Code}&can-bo={p.PersonId.ToString(CultureInfo.InvariantCulture)}")));
        Cards = cards;
    }

    private static Card Make(string title, string subtitle, string rateUrl, string formUrl) =>
        new(title, subtitle, rateUrl, Svg(rateUrl), formUrl, Svg(formUrl));

    public static string Svg(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(4, "#000000", "#ffffff", true, SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
