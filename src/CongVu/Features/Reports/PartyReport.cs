using CongVu.Infrastructure.Data;

namespace CongVu.Features.Reports;

public enum ReportKind
{
    /// <summary>Yearly report on Chỉ thị 05-CT/TW and the conduct model.</summary>
    YearlyDirective05 = 1,

    /// <summary>Five-year (term) summary with the socio-economic figures.</summary>
    TermSummary = 2,
}

public enum ReportState
{
    Draft = 1,
    Issued = 2,
}

/// <summary>A party term of a committee (nhiệm kỳ), e.g. 2020–2025 from 2020-07-15; document numbers restart at each term.</summary>
public class PartyTerm : IOrgOwned
{
    public int Id { get; set; }

    /// <summary>The commune party committee.</summary>
    public int OrgUnitId { get; set; }

    /// <summary>"2020–2025".</summary>
    public required string Name { get; set; }

    /// <summary>Ordinal of the congress, e.g. "XIV".</summary>
    public string? Ordinal { get; set; }

    public DateOnly StartsOn { get; set; }

    public int FromYear { get; set; }

    public int ToYear { get; set; }
}

/// <summary>A report of a commune party committee: a draft with editable narrative, then an issued, numbered and immutable document.</summary>
public class PartyReport : IOrgOwned
{
    public int Id { get; set; }

    /// <summary>The issuing committee.</summary>
    public int OrgUnitId { get; set; }

    public ReportKind Kind { get; set; }

    /// <summary>Document type abbreviation of HD 36-HD/VPTW ("BC" = báo cáo); numbering is per type and term.</summary>
    public required string DocType { get; set; }

    /// <summary>The year reported on (the yearly report) or the term's last year (the term summary).</summary>
    public int Year { get; set; }

    /// <summary>The term summarised (term summary only).</summary>
    public int? SummaryTermId { get; set; }

    public required string Subject { get; set; }

    public ReportState State { get; set; }

    /// <summary>Page margins in mm (HD 36-HD/VPTW default 20/20/30/15).</summary>
    public int MarginTopMm { get; set; } = 20;

    public int MarginBottomMm { get; set; } = 20;

    public int MarginLeftMm { get; set; } = 30;

    public int MarginRightMm { get; set; } = 15;

    /// <summary>"Nơi nhận", one per line.</summary>
    public string? Recipients { get; set; }

    public string? SignerName { get; set; }

    public List<ReportSection> Sections { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    public string? CreatedBy { get; set; }

    public DateTime UpdatedAt { get; set; }

    // Set when issued; never changed afterwards.
    public int? TermId { get; set; }

    public int? Number { get; set; }

    public string? NumberText { get; set; }

    public DateOnly? IssuedOn { get; set; }

    public DateTime? IssuedAt { get; set; }

    public string? IssuedBy { get; set; }

    public byte[]? Docx { get; set; }

    public string? DocxSha256 { get; set; }

    public byte[]? Xlsx { get; set; }

    public string? XlsxSha256 { get; set; }
}

/// <summary>A narrative section of a report: generated from the figures, editable as plain text while the report is a draft.</summary>
public class ReportSection
{
    public int Id { get; set; }

    public int PartyReportId { get; set; }

    public int SortOrder { get; set; }

    public required string Heading { get; set; }

    public required string Text { get; set; }
}
