namespace CongVu.Infrastructure.Audit;

/// <summary>
/// One append-only line of the audit log: who did or read what, when, with the state before and after.
/// Each entry carries a hash of its content chained to the previous entry, so an edit or deletion shows.
/// </summary>
public class AuditEntry
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    public string? ActorId { get; set; }

    public string ActorName { get; set; } = string.Empty;

    /// <summary>Verb in code form: "person.create", "membership.exempt", "person.read".</summary>
    public required string Action { get; set; }

    public required string EntityType { get; set; }

    public string? EntityId { get; set; }

    public int? OrgUnitId { get; set; }

    public string? Before { get; set; }

    public string? After { get; set; }

    public string PreviousHash { get; set; } = string.Empty;

    public string Hash { get; set; } = string.Empty;

    /// <summary>
    /// Not stored: for an entry that names records added in the same save, fills in their keys once the database
    /// has assigned them (AppDbContext writes the records, then the entry, in one transaction).
    /// </summary>
    public Action<AuditEntry>? CompleteAtSave { get; set; }
}
