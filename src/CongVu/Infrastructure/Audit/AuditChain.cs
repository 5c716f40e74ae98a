using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using CongVu.Infrastructure.Data;

namespace CongVu.Infrastructure.Audit;

/// <summary>The hash chain over the audit log: each entry's hash covers its content and the previous hash.</summary>
public static class AuditChain
{
    /// <summary>Serialises appends in this process so that each entry chains to the one before it.</summary>
    internal static readonly SemaphoreSlim Gate = new(1, 1);

    public static string HashOf(AuditEntry e)
    {
        var text = string.Join('\u001f',
            e.PreviousHash,
            e.At.ToUniversalTime().Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture),
            e.ActorId ?? string.Empty,
            e.ActorName,
            e.Action,
            e.EntityType,
            e.EntityId ?? string.Empty,
            e.OrgUnitId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
            e.Before ?? string.Empty,
            e.After ?? string.Empty);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Walks the whole log in order; returns the id of the first entry that does not match, or null when intact.</summary>
    public static async Task<(long Checked, long? FirstBrokenId)> VerifyAsync(AppDbContext db, CancellationToken ct = default)
    {
        var previous = string.Empty;
        long count = 0;
        await foreach (var e in db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (e.PreviousHash != previous || HashOf(e) != e.Hash)
            {
                return (count, e.Id);
            }

            previous = e.Hash;
            count++;
        }

        return (count, null);
    }
}
