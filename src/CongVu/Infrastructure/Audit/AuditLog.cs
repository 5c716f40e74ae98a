using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;

namespace CongVu.Infrastructure.Audit;

/// <summary>Adds audit entries to the context's pending changes, so they commit with the change they describe.</summary>
public sealed class AuditLog(AppDbContext db, IHttpContextAccessor http, TimeProvider time, AuditReadWriter reads)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public void Record(string action, string entityType, object? entityId, int? orgUnitId, object? before = null, object? after = null) =>
        db.AuditEntries.Add(Entry(action, entityType, entityId, orgUnitId, before, after));

    /// <summary>
    /// Records a change that the next save writes, to a record that may be new: the entry takes the record's key
    /// (<paramref name="entityId"/>) once the database has given it, and the change and its entry commit in one
    /// transaction (AppDbContext), so no change is stored without its entry and no entry without its change.
    /// </summary>
    public void RecordSaved(string action, string entityType, Func<object?> entityId, int? orgUnitId, object? before = null, object? after = null) =>
        AddCompletedAtSave(Entry(action, entityType, null, orgUnitId, before, after), e => e.EntityId = Convert.ToString(entityId(), CultureInfo.InvariantCulture));

    /// <summary>
    /// As above, for a change to an existing record whose details (<paramref name="after"/>) name a row the same save
    /// adds (a news photo, an initiative's progress update): the details are written once the database has given its key.
    /// </summary>
    public void RecordSaved(string action, string entityType, object entityId, int? orgUnitId, Func<object?> after) =>
        AddCompletedAtSave(Entry(action, entityType, entityId, orgUnitId, null, null), e => e.After = Serialize(after()));

    private void AddCompletedAtSave(AuditEntry entry, Action<AuditEntry> complete)
    {
        entry.CompleteAtSave = complete;
        db.AuditEntries.Add(entry);
    }

    /// <summary>A read of a sensitive record (a person's party record, a review, a complainant's identity) is logged and committed before the page is sent.</summary>
    public Task RecordReadAsync(string entityType, object entityId, int? orgUnitId, CancellationToken ct) =>
        reads.WriteAsync(Entry(entityType + ".read", entityType, entityId, orgUnitId, null, null), ct);

    private AuditEntry Entry(string action, string entityType, object? entityId, int? orgUnitId, object? before, object? after)
    {
        var user = http.HttpContext?.User;
        return new AuditEntry
        {
            At = time.GetUtcNow().UtcDateTime,
            ActorId = user?.FindFirstValue(ClaimTypes.NameIdentifier),
            ActorName = user?.FindFirstValue(AppClaims.DisplayName) ?? user?.Identity?.Name ?? "hệ thống",
            Action = action,
            EntityType = entityType,
            EntityId = entityId?.ToString(),
            OrgUnitId = orgUnitId,
            Before = Serialize(before),
            After = Serialize(after),
        };
    }

    private static string? Serialize(object? value) => value is null ? null : JsonSerializer.Serialize(value, Json);
}
