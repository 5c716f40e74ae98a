using CongVu.Infrastructure.Data;

namespace CongVu.Features.Portal.News;

public enum NewsState
{
    Draft = 0,
    Review = 1,
    Published = 2,
}

/// <summary>
/// A news post of a commune's portal. Owned by the commune (the administrative unit), since the portal
/// speaks for the commune as a whole; the commune's party committee reaches it through its scope.
/// </summary>
public sealed class NewsPost : IOrgOwned
{
    public int Id { get; set; }

    public int OrgUnitId { get; set; }

    public string Slug { get; set; } = "";

    public string Title { get; set; } = "";

    public string Lead { get; set; } = "";

    /// <summary>Markdown; raw HTML is not allowed and the output is sanitised.</summary>
    public string Body { get; set; } = "";

    /// <summary>"Bài, ảnh: …" as printed under the article.</summary>
    public string? Byline { get; set; }

    public string? Category { get; set; }

    /// <summary>Folded title and lead, for search without diacritics.</summary>
    public string SearchText { get; set; } = "";

    public NewsState State { get; set; }

    /// <summary>When a published post appears; a future time schedules it.</summary>
    public DateTime PublishAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public List<NewsPhoto> Photos { get; set; } = [];
}

/// <summary>A photo of a post with its caption; the validated original is kept (no re-encoding, see README of the module).</summary>
public sealed class NewsPhoto : IOrgOwned
{
    public int Id { get; set; }

    public int PostId { get; set; }

    public int OrgUnitId { get; set; }

    public string ContentType { get; set; } = "";

    public byte[] Data { get; set; } = [];

    public string Caption { get; set; } = "";

    public int SortOrder { get; set; }
}
