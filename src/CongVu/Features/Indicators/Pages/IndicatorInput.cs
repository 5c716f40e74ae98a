using System.Globalization;
using CongVu.Features.Organisation;
using CongVu.Infrastructure.Security;

namespace CongVu.Features.Indicators.Pages;

internal static class IndicatorInput
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Accepts "55,1" (Vietnamese) and "55.1"; thousands separators are not allowed, to avoid ambiguity.</summary>
    public static bool TryParseNumber(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var t = text.Trim().Replace(',', '.');
        return t.Count(c => c == '.') <= 1 && decimal.TryParse(t, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    public static string Show(decimal value) => value.ToString("0.####", Vi);

    /// <summary>Communes and hamlets the user may read, current ones first.</summary>
    public static List<OrgNode> UnitChoices(OrgTreeSnapshot snap, AccessScope scope) =>
        snap.Nodes(scope.All ? [] : scope.UnitIds)
            .Where(n => n.Kind is OrgUnitKind.Commune or OrgUnitKind.Hamlet)
            .OrderBy(n => n.ValidTo is null ? 0 : 1).ThenBy(n => n.Kind).ThenBy(n => n.ParentId).ThenBy(n => n.SortOrder)
            .ToList();
}
