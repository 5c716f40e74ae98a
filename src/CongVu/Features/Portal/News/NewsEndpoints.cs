using System.Globalization;
using System.Text;
using System.Xml;
using CongVu.Features.Organisation;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Portal.News;

/// <summary>Photos, RSS, sitemap and robots.txt of the public portal.</summary>
public static class NewsEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/anh/{id:int}", async (int id, NewsQueries news, HttpContext http, CancellationToken ct) =>
        {
            var photo = await news.PublicPhotoAsync(id, ct);
            if (photo is null)
            {
                return Results.NotFound();
            }

            http.Response.Headers.CacheControl = "public, max-age=86400";
            return Results.File(photo.Data, photo.ContentType);
        }).AllowAnonymous().ExcludeFromDescription();

        // Staff preview of photos of posts not yet public: the news desk's units decide.
        app.MapGet("/staff/news/photo/{id:int}", async (int id, NewsDesk desk, HttpContext http, CancellationToken ct) =>
        {
            var photo = await (await desk.PhotosAsync(http.User, ct)).AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct);
            return photo is null ? Results.NotFound() : Results.File(photo.Data, photo.ContentType);
        }).RequireAuthorization(Policies.NewsEdit).ExcludeFromDescription();

        app.MapGet("/rss.xml", async (HttpContext http, PortalCommunes communes, NewsQueries news, CancellationToken ct) =>
        {
            if (await communes.ResolveAsync(http.Request.Query["xa"], ct) is not { } commune)
            {
                return Results.NotFound();
            }

            var posts = await news.LatestAsync(commune.Id, 20, null, ct);
            var site = $"{http.Request.Scheme}://{http.Request.Host}";
            var prefix = communes.Prefix(commune);
            return Results.Text(Rss(commune, site + prefix, posts), "application/rss+xml; charset=utf-8", Encoding.UTF8);
        }).AllowAnonymous().ExcludeFromDescription();

        app.MapGet("/sitemap.xml", async (HttpContext http, OrgTree tree, PortalCommunes communes, AppDbContext db, TimeProvider time, CancellationToken ct) =>
        {
            var snap = await tree.GetAsync(ct);
            var site = $"{http.Request.Scheme}://{http.Request.Host}";
            var now = time.GetUtcNow().UtcDateTime;
            var posts = await db.Set<NewsPost>().IgnoreQueryFilters().AsNoTracking()
                .Where(p => p.State == NewsState.Published && p.PublishAt <= now)
                .OrderByDescending(p => p.PublishAt).Take(5000)
                .Select(p => new { p.OrgUnitId, p.Slug, p.UpdatedAt }).ToListAsync(ct);
            var sb = new StringBuilder();
            using (var w = XmlWriter.Create(sb, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false }))
            {
                w.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
                Url(w, site + "/", null);
                Url(w, site + "/tin-tuc", null);
                foreach (var p in posts)
                {
                    if (snap.Find(p.OrgUnitId) is { } commune)
                    {
                        Url(w, site + communes.Prefix(commune) + "/tin-tuc/" + p.Slug, p.UpdatedAt);
                    }
                }

                w.WriteEndElement();
            }

            return Results.Text(sb.ToString().Replace("utf-16", "utf-8", StringComparison.Ordinal), "application/xml; charset=utf-8", Encoding.UTF8);
        }).AllowAnonymous().ExcludeFromDescription();

        app.MapGet("/robots.txt", (HttpContext http) =>
            Results.Text($"User-agent: *\nDisallow: /staff/\nDisallow: /tai-khoan/\nDisallow: /api/\nSitemap: {http.Request.Scheme}://{http.Request.Host}/sitemap.xml\n", "text/plain; charset=utf-8", Encoding.UTF8))
            .AllowAnonymous().ExcludeFromDescription();
    }

    private static void Url(XmlWriter w, string loc, DateTime? modified)
    {
        w.WriteStartElement("url");
        w.WriteElementString("loc", loc);
        if (modified is DateTime m)
        {
            w.WriteElementString("lastmod", m.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        w.WriteEndElement();
    }

    private static string Rss(OrgNode commune, string baseUrl, List<NewsPost> posts)
    {
        var sb = new StringBuilder();
        using (var w = XmlWriter.Create(sb, new XmlWriterSettings { Indent = true }))
        {
            w.WriteStartElement("rss");
            w.WriteAttributeString("version", "2.0");
            w.WriteStartElement("channel");
            w.WriteElementString("title", commune.Name);
            w.WriteElementString("link", baseUrl + "/tin-tuc");
            w.WriteElementString("description", "Tin tức " + commune.Name);
            w.WriteElementString("language", "vi");
            foreach (var p in posts)
            {
                w.WriteStartElement("item");
                w.WriteElementString("title", p.Title);
                w.WriteElementString("link", baseUrl + "/tin-tuc/" + p.Slug);
                w.WriteElementString("guid", baseUrl + "/tin-tuc/" + p.Slug);
                w.WriteElementString("description", p.Lead);
                w.WriteElementString("pubDate", p.PublishAt.ToString("r", CultureInfo.InvariantCulture));
                if (p.Category is not null)
                {
                    w.WriteElementString("category", p.Category);
                }

                w.WriteEndElement();
            }

            w.WriteEndElement();
            w.WriteEndElement();
        }

        return sb.ToString().Replace("utf-16", "utf-8", StringComparison.Ordinal);
    }
}
