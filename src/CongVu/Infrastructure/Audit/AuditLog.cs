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
    /// Records the creation of a record added to the context but not saved yet: the entry takes the record's key
    /// (<paramref name="id"/>) when the save writes it, and the record and its entry commit together.
    /// </summary>
    public void RecordCreation(string action, string entityType, Func<object?> id, int? orgUnitId, object? after = null)
    {
        var entry = Entry(action, entityType, null, orgUnitId, null, after);
        entry.PendingEntityId = id;
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
