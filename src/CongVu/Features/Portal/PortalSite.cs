namespace CongVu.Features.Portal;

/// <summary>Which commune's portal a public URL belongs to: /xa/{code}/… names it; anything else is the default commune's.</summary>
public sealed class PortalSite(IConfiguration config)
{
    /// <summary>
    /// Tiểu Cần, not Hiếu Trung: Hiếu Trung ended on 30/06/2025 and merged into Tiểu Cần, so a visitor
    /// arriving today should land on the commune that exists; Hiếu Trung's portal stays at /xa/hieu-trung.
    /// </summary>
    public const string FallbackCommune = "tieu-can";

    public string DefaultCommune { get; } = (config["Portal:DefaultCommune"] is { Length: > 0 } c ? c : FallbackCommune).Trim().ToLowerInvariant();

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

        return DefaultCommune;
    }
}
