using CongVu.Infrastructure.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Reviews;

/// <summary>
/// Discipline reasons are encrypted at rest with Data Protection (Luật BVDLCN 2025: data on discipline is sensitive personal data);
/// stored values carry a marker so the start-up pass that encrypts older plaintext rows is idempotent.
/// </summary>
public sealed class DisciplineNotes(IDataProtectionProvider protection)
{
    public const string Marker = "dp1:";
    private readonly IDataProtector _protector = protection.CreateProtector("CongVu.Reviews.Discipline.Reason");

    public string Protect(string plaintext) => Marker + _protector.Protect(plaintext);

    /// <summary>For display to users the page has already authorised; rows written before encryption pass through unchanged.</summary>
    public string Reveal(string stored) =>
        stored.StartsWith(Marker, StringComparison.Ordinal) ? _protector.Unprotect(stored[Marker.Length..]) : stored;

    /// <summary>Encrypts rows still in plaintext; safe to run at every start.</summary>
    public async Task<int> EncryptExistingAsync(AppDbContext db, CancellationToken ct)
    {
        var plain = await db.Set<DisciplineRecord>().IgnoreQueryFilters().Where(d => !d.Reason.StartsWith(Marker)).ToListAsync(ct);
        foreach (var record in plain)
        {
            record.Reason = Protect(record.Reason);
        }

        if (plain.Count > 0)
        {
            await db.SaveChangesAsync(ct);
        }

        return plain.Count;
    }
}
