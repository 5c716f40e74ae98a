namespace CongVu.Features.Conduct;

/// <summary>One version of a commune's code of conduct; a new version per party term, and each rating year keeps the version it used.</summary>
public class ConductCode
{
    public int Id { get; set; }

    /// <summary>Stable code of the version, e.g. "3k3d3n3c3ch-2020".</summary>
    public required string Code { get; set; }

    public required string Title { get; set; }

    public string? EnglishTitle { get; set; }

    /// <summary>The party term it belongs to, e.g. "Khóa XIV, nhiệm kỳ 2020–2025".</summary>
    public string? Term { get; set; }

    /// <summary>Who adopted it: "Đảng bộ xã Hiếu Trung".</summary>
    public string? AdoptedBy { get; set; }

    public DateOnly ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }

    public List<CriterionGroup> Groups { get; set; } = [];
}

public class CriterionGroup
{
    public int Id { get; set; }

    public int ConductCodeId { get; set; }

    public ConductCode? ConductCode { get; set; }

    /// <summary>"3K", "3D", "3N", "3C", "3CH".</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public string? EnglishName { get; set; }

    public int SortOrder { get; set; }

    public List<Criterion> Criteria { get; set; } = [];
}

public class Criterion
{
    public int Id { get; set; }

    public int GroupId { get; set; }

    public CriterionGroup? Group { get; set; }

    /// <summary>Stable across versions when the wording is the same idea: "3K-1".</summary>
    public required string Code { get; set; }

    public required string Text { get; set; }

    public string? EnglishGloss { get; set; }

    public int SortOrder { get; set; }
}

/// <summary>One of the 27 manifestations of degradation in Nghị quyết 04-NQ/TW (khóa XII); a catalogue the review forms may tick.</summary>
public class Tw4Manifestation
{
    public int Id { get; set; }

    /// <summary>"TT-1".."TT-9" (political ideology), "DD-1".."DD-9" (ethics, lifestyle), "DB-1".."DB-9" (self-evolution).</summary>
    public required string Code { get; set; }

    public int GroupNumber { get; set; }

    public required string GroupName { get; set; }

    public required string Text { get; set; }

    /// <summary>True while the text is a short placeholder, not yet checked against the official resolution.</summary>
    public bool NeedsOfficialWording { get; set; } = true;

    public int SortOrder { get; set; }
}
