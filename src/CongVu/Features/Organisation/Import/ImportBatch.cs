using CongVu.Infrastructure.Data;

namespace CongVu.Features.Organisation.Import;

public enum ImportState
{
    Queued = 1,
    Checking = 2,
    Checked = 3,
    Importing = 4,
    Imported = 5,
    Failed = 6,
    Cancelled = 7,
}

/// <summary>An uploaded registry file on its way through check → preview → import. The file is kept until the batch ends.</summary>
public class ImportBatch : IOrgOwned
{
    public int Id { get; set; }

    /// <summary>The commune (or party committee) the file is imported into.</summary>
    public int OrgUnitId { get; set; }

    public required string FileName { get; set; }

    public long FileSize { get; set; }

    public byte[]? Content { get; set; }

    public ImportState State { get; set; }

    public int TotalRows { get; set; }

    public int ProcessedRows { get; set; }

    public int ValidRows { get; set; }

    public int ImportedRows { get; set; }

    /// <summary>A file-level problem in Vietnamese (not Excel, too large, unreadable), when there is one.</summary>
    public string? FileError { get; set; }

    /// <summary>Row problems as JSON: [{ row, column, message }], at most a few thousand kept.</summary>
    public string? ProblemsJson { get; set; }

    public string CreatedBy { get; set; } = string.Empty;

    public DateTime CreatedAt { get; set; }

    public DateTime? FinishedAt { get; set; }
}
