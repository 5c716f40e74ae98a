using CongVu.Features.Organisation;

namespace CongVu.Features.Portal;

/// <summary>Finds the commune a public portal page is for: the {code} in the URL, else the configured default.</summary>
public sealed class PortalCommunes(OrgTree tree, PortalSite site)
{
    public async Task<OrgNode?> ResolveAsync(string? code, CancellationToken ct)
    {
        var snap = await tree.GetAsync(ct);
        var node = snap.FindByCode(string.IsNullOrWhiteSpace(code) ? site.DefaultCommune : code.Trim());
        return node is { Kind: OrgUnitKind.Commune } ? node : null;
    }

    /// <summary>The URL prefix of a commune's portal: "" for the default commune, "/xa/{code}" otherwise.</summary>
    public string Prefix(OrgNode commune) =>
        string.Equals(commune.Code, site.DefaultCommune, StringComparison.OrdinalIgnoreCase) ? "" : "/xa/" + commune.Code;
}
