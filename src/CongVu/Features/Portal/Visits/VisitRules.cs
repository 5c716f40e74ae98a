using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace CongVu.Features.Portal.Visits;

/// <summary>Which requests are a citizen looking at a public page.</summary>
public static class VisitRules
{
    private static readonly string[] ExcludedPrefixes = ["/staff", "/api", "/tai-khoan", "/loi", "/health", "/openapi", "/ngon-ngu", "/css", "/js", "/img", "/uploads", "/anh"];

    // Crawlers, link previewers, monitors and HTTP libraries: fragments of their user agents, lower case.
    private static readonly string[] BotMarkers =
    [
        "bot", "crawl", "spider", "slurp", "archiver", "facebookexternalhit", "facebookcatalog", "embedly", "preview",
        "headless", "phantomjs", "selenium", "puppeteer", "playwright", "lighthouse", "pagespeed", "gtmetrix", "pingdom",
        "uptime", "monitor", "check_http", "nagios", "zabbix", "curl", "wget", "python", "go-http-client", "java/",
        "okhttp", "libwww", "httpclient", "http-client", "axios", "node-fetch", "undici", "postman", "insomnia", "httpie",
        "scrapy", "aiohttp", "guzzle", "ruby", "perl", "php/", "dart:io", "feed", "rss", "zgrab", "masscan", "nmap",
        "nikto", "sqlmap", "scanner", "coccoc_bot", "bingpreview", "whatsapp", "zalo-link", "telegram", "discord", "skype",
    ];

    // Visitors send a few hundred distinct user agents a day: each is judged once, not on every view.
    private const int KnownAgentsLimit = 2_000;
    private static readonly ConcurrentDictionary<string, bool> KnownAgents = new(StringComparer.Ordinal);

    /// <summary>A real browser: a "Mozilla/" user agent (every browser sends one) naming no robot or library.</summary>
    public static bool IsBrowser(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent) || !userAgent.StartsWith("Mozilla/", StringComparison.Ordinal))
        {
            return false;
        }

        if (KnownAgents.TryGetValue(userAgent, out var known))
        {
            return known;
        }

        var ua = userAgent.ToLowerInvariant();
        var browser = !BotMarkers.Any(m => ua.Contains(m, StringComparison.Ordinal));
        if (KnownAgents.Count >= KnownAgentsLimit)
        {
            KnownAgents.Clear();
        }

        KnownAgents[userAgent] = browser;
        return browser;
    }

    /// <summary>Checks made before the page runs: method, path, prefetch, user agent.</summary>
    public static bool MayCount(HttpRequest request)
    {
        if (!HttpMethods.IsGet(request.Method))
        {
            return false;
        }

        var path = request.Path.Value ?? "/";
        if (ExcludedPrefixes.Any(p => path.StartsWith(p, StringComparison.OrdinalIgnoreCase)
            && (path.Length == p.Length || path[p.Length] == '/')))
        {
            return false;
        }

        // Files (anything with an extension: css, js, images, rss.xml, sitemap.xml) are not page views.
        var last = path.LastIndexOf('/');
        if (path.IndexOf('.', last + 1) >= 0)
        {
            return false;
        }

        // Speculative loads never seen by a person (Chromium sends Sec-Purpose, older browsers Purpose / X-Moz).
        if (IsPrefetch(request.Headers["Sec-Purpose"]) || IsPrefetch(request.Headers["Purpose"]) || IsPrefetch(request.Headers["X-Moz"]))
        {
            return false;
        }

        return IsBrowser(request.Headers.UserAgent.ToString());
    }

    /// <summary>Checks made after the page ran: a full HTML page was sent.</summary>
    public static bool Counts(HttpResponse response) =>
        response.StatusCode == StatusCodes.Status200OK
        && (response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) ?? false);

    /// <summary>The path as kept in the top-pages list: no query string, lower case, bounded length.</summary>
    public static string NormalisePath(PathString path)
    {
        var value = string.IsNullOrEmpty(path.Value) ? "/" : path.Value;
        // The common case, "/" or a lower-case path without a trailing slash, is kept as it is.
        if (value == "/" || (value.Length <= 200 && value[^1] != '/' && !value.Any(char.IsUpper)))
        {
            return value;
        }

        var p = value.ToLowerInvariant().TrimEnd('/');
        if (p.Length == 0)
        {
            p = "/";
        }

        return p.Length > 200 ? p[..200] : p;
    }

    private static bool IsPrefetch(Microsoft.Extensions.Primitives.StringValues value) =>
        value.Any(v => v is not null && (v.Contains("prefetch", StringComparison.OrdinalIgnoreCase) || v.Contains("prerender", StringComparison.OrdinalIgnoreCase)));
}
