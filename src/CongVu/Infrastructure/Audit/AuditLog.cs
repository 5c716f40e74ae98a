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
    public void RecordSaved(string action, string entityType, Func<object?> entityId, int? orgUnitId, object? before = null, object? after = null)
    {
        var entry = Entry(action, entityType, null, orgUnitId, before, after);
        entry.PendingEntityId = entityId;
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
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
        };
    }
}
