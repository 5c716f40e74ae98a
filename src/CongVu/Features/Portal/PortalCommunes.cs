using CongVu.Features.Organisation;

namespace CongVu.Features.Portal;

/// <summary>Finds the commune a public portal page is for: the {code} in the URL, else the request's home commune (host name or default).</summary>
public sealed class PortalCommunes(OrgTree tree, PortalSite site, IHttpContextAccessor http)
{
    /// <summary>The commune served at / for the current request (Portal:Hosts, else Portal:DefaultCommune).</summary>
    public string HomeCode => site.HomeCommune(http.HttpContext);

    public async Task<OrgNode?> ResolveAsync(string? code, CancellationToken ct)
    {
        var snap = await tree.GetAsync(ct);
        var node = snap.FindByCode(string.IsNullOrWhiteSpace(code) ? HomeCode : code.Trim());
        return node is { Kind: OrgUnitKind.Commune } ? node : null;
    }

    /// <summary>The URL prefix of a commune's portal: "" for the request's home commune, "/xa/{code}" otherwise.</summary>
    public string Prefix(OrgNode commune) =>
        string.Equals(commune.Code, HomeCode, StringComparison.OrdinalIgnoreCase) ? "" : "/xa/" + commune.Code;
}
