using System.Security.Claims;
using System.Text.Json;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;

namespace CongVu.Infrastructure.Audit;

/// <summary>Adds audit entries to the context's pending changes, so they commit with the change they describe.</summary>
public sealed class AuditLog(AppDbContext db, IHttpContextAccessor http, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public void Record(string action, string entityType, object? entityId, int? orgUnitId, object? before = null, object? after = null)
    {
        var user = http.HttpContext?.User;
        db.AuditEntries.Add(new AuditEntry
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
        });
    }

    /// <summary>A read of a sensitive record (a person's party record, a review, a complainant's identity) is logged and saved at once.</summary>
    public async Task RecordReadAsync(string entityType, object entityId, int? orgUnitId, CancellationToken ct)
    {
        Record(entityType + ".read", entityType, entityId, orgUnitId);
        await db.SaveChangesAsync(ct);
    }
}
