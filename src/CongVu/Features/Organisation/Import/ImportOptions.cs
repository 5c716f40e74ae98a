namespace CongVu.Features.Organisation.Import;

/// <summary>Limits for uploaded registry files (configuration section "Import").</summary>
public sealed class ImportOptions
{
    public const string Section = "Import";

    public long MaxFileBytes { get; set; } = 20 * 1024 * 1024;

    public int MaxRows { get; set; } = 200_000;

    /// <summary>Row problems kept per batch; the rest are only counted.</summary>
    public int MaxStoredProblems { get; set; } = 2_000;

    /// <summary>A checked batch nobody commits is cancelled (and its file dropped) after this many days.</summary>
    public int AbandonAfterDays { get; set; } = 7;
}
