namespace CongVu.Features.Portal;

/// <summary>
/// Which commune's portal a public URL belongs to: /xa/{code}/… names it; otherwise the commune mapped to
/// the request's host name (Portal:Hosts); otherwise the default commune.
/// </summary>
public sealed class PortalSite(IConfiguration config)
{
    /// <summary>
    /// Tiểu Cần, not Hiếu Trung: Hiếu Trung ended on 30/06/2025 and merged into Tiểu Cần, so a visitor
    /// arriving today should land on the commune that exists; Hiếu Trung's portal stays at /xa/hieu-trung.
    /// </summary>
    public const string FallbackCommune = "tieu-can";

    public string DefaultCommune { get; } = (config["Portal:DefaultCommune"] is { Length: > 0 } c ? c : FallbackCommune).Trim().ToLowerInvariant();

    /// <summary>Host name → commune code, e.g. "hieutrung.example.vn" → "hieu-trung"; host names compare case-insensitively.</summary>
    public IReadOnlyDictionary<string, string> Hosts { get; } = config.GetSection("Portal:Hosts").GetChildren()
        .Where(h => !string.IsNullOrWhiteSpace(h.Value))
        .ToDictionary(h => h.Key.Trim().TrimEnd('.'), h => h.Value!.Trim().ToLowerInvariant(), StringComparer.OrdinalIgnoreCase);

    /// <summary>The commune served at / for this request: the one mapped to its host name, else the configured default.</summary>
    public string HomeCommune(HttpContext? context) =>
        context is not null && Hosts.Count > 0 && Hosts.TryGetValue(context.Request.Host.Host.TrimEnd('.'), out var code) ? code : DefaultCommune;

    public string CommuneFor(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (path.StartsWith("/xa/", StringComparison.OrdinalIgnoreCase))
        {
            var rest = path[4..];
            var end = rest.IndexOf('/', StringComparison.Ordinal);
            var code = (end < 0 ? rest : rest[..end]).ToLowerInvariant();
            if (code.Length is > 0 and <= 64)
            {
                return code;
            }
        }

        return HomeCommune(context);
    }
}
