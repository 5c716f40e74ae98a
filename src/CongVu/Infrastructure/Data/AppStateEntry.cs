namespace CongVu.Infrastructure.Data;

/// <summary>A small fact the application keeps about its own database, such as which build last checked the seeded data.</summary>
public sealed class AppStateEntry
{
    public const string SeedCheckKey = "seed-check";

    public string Key { get; set; } = string.Empty;

    public string Value { get; set; } = string.Empty;

    public DateTime UpdatedAt { get; set; }
}
