using System.Globalization;
using System.Security.Claims;
using CongVu.Features.Organisation;
using CongVu.Infrastructure.Security;

namespace CongVu.Features.Feedback.Reception;

/// <summary>Resource keys for the reception enums, and the commune a staff user works for.</summary>
public static class ReceptionLabels
{
    public static string Host(ReceptionHost h) => "Feedback.Reception.Host." + h;

    public static string Period(ReceptionPeriod p) => "Feedback.Reception.Period." + p;

    public static string Status(ReceptionStatus s) => "Feedback.Reception.Status." + s;

    public static async Task<OrgNode?> CommuneOfAsync(ClaimsPrincipal user, OrgTree orgTree, CancellationToken ct)
    {
        var tree = await orgTree.GetAsync(ct);
        return int.TryParse(user.FindFirstValue(AppClaims.OrgUnit), CultureInfo.InvariantCulture, out var unitId) ? tree.CommuneOf(unitId) : null;
    }
}
