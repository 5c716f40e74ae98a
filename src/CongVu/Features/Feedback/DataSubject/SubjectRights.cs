using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CongVu.Infrastructure.Audit;
using CongVu.Infrastructure.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Feedback.DataSubject;

/// <summary>
/// A complainant's rights over their own data (Luật BVDLCN 2025, NĐ 356/2025): a copy of what the office holds, and erasure
/// of their contact details and photo. The case and its answer stay: the office must keep the record of how it answered.
/// </summary>
public sealed class SubjectRights(AppDbContext db, AuditLog audit, TimeProvider time, IDataProtectionProvider protection)
{
    public const string EraseAction = "feedback.contact-erase";
    public const string ExportAction = "feedback.subject-export";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // Must match FeedbackService's purposes, which encrypted the fields.
    private IDataProtector Protector(string field) => protection.CreateProtector("CongVu.Feedback.Contact." + field);

    public async Task<FeedbackItem?> FindAsync(string code, CancellationToken ct)
    {
        var normal = TrackingCode.Normalize(code);
        // The tracking code is the citizen's key: the unit scope does not apply to the person holding it.
        return normal is null ? null : await db.Set<FeedbackItem>().IgnoreQueryFilters().Include(f => f.Attachments)
            .FirstOrDefaultAsync(f => f.TrackingCode == normal, ct);
    }

    public static bool HasPersonalData(FeedbackItem item) =>
        item.ContactPhoneProtected is not null || item.ContactEmailProtected is not null || item.ContactNameProtected is not null
        || item.Attachments.Any(a => a.Role == AttachmentRole.CitizenPhoto);

    /// <summary>Possession of the tracking code and of the phone or e-mail given with it proves the requester filed the case.</summary>
    public bool Proves(FeedbackItem item, string? proof)
    {
        if (string.IsNullOrWhiteSpace(proof) || proof.Length > 200)
        {
            return false;
        }

        var phone = Digits(Reveal("Phone", item.ContactPhoneProtected));
        var email = Reveal("Email", item.ContactEmailProtected)?.Trim().ToLowerInvariant();
        var given = proof.Trim();
        var byPhone = phone.Length >= 6 && Same(phone, Digits(given));
        var byEmail = !string.IsNullOrEmpty(email) && Same(email, given.ToLowerInvariant());
        return byPhone | byEmail;
    }

    public async Task<byte[]> ExportAsync(FeedbackItem item, CancellationToken ct)
    {
        var commune = await db.OrgUnits.IgnoreQueryFilters().Where(u => u.Id == item.CommuneId).Select(u => u.Name).FirstOrDefaultAsync(ct);
        var data = new
        {
            ExportedAt = time.GetUtcNow().UtcDateTime,
            item.TrackingCode,
            Kind = item.Kind.ToString(),
            Commune = commune,
            item.Text,
            item.SubjectText,
            item.ReceivedOn,
            item.DueOn,
            Status = item.Status.ToString(),
            Outcome = item.Outcome?.ToString(),
            Answer = item.AnswerText,
            item.AnsweredOn,
            item.ReferredTo,
            Contact = new
            {
                Name = Reveal("Name", item.ContactNameProtected),
                Phone = Reveal("Phone", item.ContactPhoneProtected),
                Email = Reveal("Email", item.ContactEmailProtected),
                item.ContactConsent,
            },
            Photos = item.Attachments.Where(a => a.Role == AttachmentRole.CitizenPhoto).Select(a => new { a.FileName, a.ContentType, Base64 = Convert.ToBase64String(a.Content) }).ToList(),
        };
        audit.Record(ExportAction, FeedbackService.EntityType, item.Id, item.OrgUnitId);
        await db.SaveChangesAsync(ct);
        return JsonSerializer.SerializeToUtf8Bytes(data, Json);
    }

    /// <summary>Erases contact details and citizen photos, keeping the case; returns whether anything was erased.</summary>
    public async Task<bool> EraseContactAsync(FeedbackItem item, string basis, CancellationToken ct)
    {
        var photos = item.Attachments.Where(a => a.Role == AttachmentRole.CitizenPhoto).ToList();
        if (!HasPersonalData(item))
        {
            return false;
        }

        item.ContactNameProtected = null;
        item.ContactPhoneProtected = null;
        item.ContactEmailProtected = null;
        item.ContactConsent = false;
        db.RemoveRange(photos);
        audit.Record(EraseAction, FeedbackService.EntityType, item.Id, item.OrgUnitId, after: new { Basis = basis, Photos = photos.Count });
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>When the complainant's contact was erased, and on what basis ("request" or "retention"), for the staff page.</summary>
    public async Task<(DateTime At, bool OnRequest)?> ErasureAsync(int itemId, CancellationToken ct)
    {
        var id = itemId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var entry = await db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == EraseAction && e.EntityType == FeedbackService.EntityType && e.EntityId == id)
            .OrderByDescending(e => e.Id).Select(e => new { e.At, e.After }).FirstOrDefaultAsync(ct);
        return entry is null ? null : (entry.At, entry.After?.Contains("\"request\"", StringComparison.Ordinal) == true);
    }

    private string? Reveal(string field, string? value) => value is null ? null : Protector(field).Unprotect(value);

    private static string Digits(string? s) => new((s ?? string.Empty).Where(char.IsAsciiDigit).ToArray());

    private static bool Same(string a, string b) => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}
