using CongVu.Infrastructure.Text;
using Ganss.Xss;
using Markdig;

namespace CongVu.Features.Portal.News;

/// <summary>Markdown to safe HTML, slugs and photo checks for news.</summary>
public static class NewsText
{
    // Below Kestrel's 2 MB request limit, leaving room for the form around the file.
    public const int MaxPhotoBytes = 1536 * 1024;

    // Raw HTML in the Markdown is shown as text; the sanitiser then removes what Markdown itself could carry (javascript: links).
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UseAutoLinks().UseEmphasisExtras().Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static string ToSafeHtml(string? markdown) =>
        Sanitizer.Sanitize(Markdown.ToHtml(markdown ?? "", Pipeline));

    /// <summary>Sanitises HTML from any source: only ordinary tags, no scripts, no event attributes, only http(s)/mailto links.</summary>
    public static string Sanitize(string html) => Sanitizer.Sanitize(html);

    private static HtmlSanitizer CreateSanitizer()
    {
        var s = new HtmlSanitizer();
        s.AllowedSchemes.Clear();
        s.AllowedSchemes.Add("http");
        s.AllowedSchemes.Add("https");
        s.AllowedSchemes.Add("mailto");
        s.AllowedAttributes.Remove("style");
        s.AllowedAttributes.Remove("class");
        s.AllowedTags.Remove("form");
        s.AllowedTags.Remove("input");
        s.AllowedTags.Remove("button");
        s.AllowedTags.Remove("textarea");
        s.AllowedTags.Remove("select");
        return s;
    }

    /// <summary>An ASCII slug from a Vietnamese title, made unique among the taken ones by a numeric suffix.</summary>
    public static string UniqueSlug(string title, ICollection<string> taken)
    {
        var slug = VietnameseText.Slug(title, 80);
        if (slug.Length == 0)
        {
            slug = "tin";
        }

        var candidate = slug;
        for (var n = 2; taken.Contains(candidate); n++)
        {
            candidate = slug + "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    /// <summary>The type of an uploaded photo from its first bytes (JPEG or PNG), whatever its name says.</summary>
    public static string? PhotoType(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
        {
            return "image/jpeg";
        }

        ReadOnlySpan<byte> png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        return head.Length >= 8 && head[..8].SequenceEqual(png) ? "image/png" : null;
    }
}
