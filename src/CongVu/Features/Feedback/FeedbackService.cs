using CongVu.Features.Feedback.Schedules;
using CongVu.Features.Organisation;
using CongVu.Infrastructure.Audit;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Time;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Feedback;

public sealed record FeedbackContact(string? Name, string? Phone, string? Email);

public sealed record NewFeedback(
    FeedbackKind Kind,
    FeedbackChannel Channel,
    int CommuneId,
    FeedbackSubjectKind SubjectKind,
    int? SubjectPersonId,
    int? SubjectUnitId,
    string? SubjectText,
    string Text,
    FeedbackAnonymity Anonymity,
    FeedbackContact? Contact,
    bool Consent,
    bool ConsultsOthers = false,
    (string ContentType, string FileName, byte[] Bytes)? Photo = null);

public sealed record FeedbackAnswer(
    FeedbackOutcome Outcome,
    string AnswerText,
    string? ReferredTo,
    string? EvidenceText,
    (string ContentType, string FileName, byte[] Bytes)? Evidence,
    bool Apologised,
    bool Thanked,
    string? ConductCodes,
    string AnsweredBy);

/// <summary>Filing, routing, deadlines, answers and reopening of feedback; every change is audited.</summary>
public sealed class FeedbackService(AppDbContext db, AuditLog audit, TimeProvider time, IDataProtectionProvider protection, OrgTree orgTree, IConfiguration config, WorkingCalendarProvider calendars)
{
    public const string EntityType = "feedback";

    public int ReopenDays => config.GetValue("Feedback:ReopenDays", 10);

    private IDataProtector Protector(string field) => protection.CreateProtector("CongVu.Feedback.Contact." + field);

    public async Task<FeedbackItem> FileAsync(NewFeedback input, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var today = VietnamTime.Today(time);
        var unitId = await RouteAsync(input, ct);
        var days = await DeadlineDaysAsync(input.Kind, input.ConsultsOthers, ct);
        var keepContact = input.Anonymity == FeedbackAnonymity.HiddenFromOfficial && input.Consent && input.Contact is not null;
        var item = new FeedbackItem
        {
            TrackingCode = await NewCodeAsync(ct),
            Kind = input.Kind,
            Channel = input.Channel,
            CommuneId = input.CommuneId,
            OrgUnitId = unitId,
            SubjectKind = input.SubjectKind,
            SubjectPersonId = input.SubjectPersonId,
            SubjectText = Clean(input.SubjectText, 300),
            Text = input.Text.Trim(),
            Anonymity = input.Anonymity,
            ContactConsent = keepContact,
            ContactNameProtected = keepContact ? Protect("Name", input.Contact!.Name) : null,
            ContactPhoneProtected = keepContact ? Protect("Phone", input.Contact!.Phone) : null,
            ContactEmailProtected = keepContact ? Protect("Email", input.Contact!.Email) : null,
            ReceivedAt = now,
            ReceivedOn = today,
            ConsultsOthers = input.ConsultsOthers,
            DeadlineWorkingDays = days,
            DueOn = (await calendars.GetAsync(ct)).AddWorkingDays(today, days),
            Status = FeedbackStatus.Received,
        };
        if (input.Photo is { } photo)
        {
            item.Attachments.Add(new FeedbackAttachment { OrgUnitId = unitId, Role = AttachmentRole.CitizenPhoto, ContentType = photo.ContentType, FileName = photo.FileName, Content = photo.Bytes, UploadedAt = now });
        }

        db.Set<FeedbackItem>().Add(item);
        // The item and its audit entry commit together. The audit trail never holds the text or the contact: only what happened.
        audit.RecordSaved("feedback.filed", EntityType, () => item.Id, item.OrgUnitId, after: new { item.Kind, item.Channel, item.DueOn, item.SubjectKind, HasContact = keepContact });
        await db.SaveChangesAsync(ct);
        return item;
    }

    public async Task AnswerAsync(FeedbackItem item, FeedbackAnswer answer, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var before = new { item.Status, item.Outcome };
        item.Status = FeedbackStatus.Answered;
        item.Outcome = answer.Outcome;
        item.AnswerText = answer.AnswerText.Trim();
        item.ReferredTo = answer.Outcome == FeedbackOutcome.NotOurCompetence ? Clean(answer.ReferredTo, 300) : null;
        item.EvidenceText = Clean(answer.EvidenceText, 2000);
        item.Apologised = answer.Apologised;
        item.Thanked = answer.Thanked;
        item.ConductCodes = Clean(answer.ConductCodes, 200);
        item.AnsweredAt = now;
        item.AnsweredOn = VietnamTime.Today(time);
        item.AnsweredBy = answer.AnsweredBy;
        if (answer.Evidence is { } ev)
        {
            item.Attachments.Add(new FeedbackAttachment { OrgUnitId = item.OrgUnitId, Role = AttachmentRole.Evidence, ContentType = ev.ContentType, FileName = ev.FileName, Content = ev.Bytes, UploadedAt = now });
        }

        audit.Record("feedback.answered", EntityType, item.Id, item.OrgUnitId, before, new { item.Status, item.Outcome, item.AnsweredOn, item.DueOn, item.Apologised, item.Thanked, item.ConductCodes });
        await db.SaveChangesAsync(ct);
    }

    public async Task StartAsync(FeedbackItem item, CancellationToken ct)
    {
        if (item.Status is FeedbackStatus.Received or FeedbackStatus.Reopened)
        {
            var before = item.Status;
            item.Status = FeedbackStatus.InProgress;
            audit.Record("feedback.started", EntityType, item.Id, item.OrgUnitId, new { Status = before }, new { item.Status });
            await db.SaveChangesAsync(ct);
        }
    }

    public async Task MoveAsync(FeedbackItem item, int unitId, CancellationToken ct)
    {
        var before = item.OrgUnitId;
        item.OrgUnitId = unitId;
        foreach (var a in item.Attachments)
        {
            a.OrgUnitId = unitId;
        }

        audit.Record("feedback.routed", EntityType, item.Id, unitId, new { OrgUnitId = before }, new { OrgUnitId = unitId });
        await db.SaveChangesAsync(ct);
    }

    public async Task HideAsync(FeedbackItem item, string reason, CancellationToken ct)
    {
        item.Hidden = true;
        item.HiddenReason = Clean(reason, 300);
        audit.Record("feedback.hidden", EntityType, item.Id, item.OrgUnitId, null, new { item.HiddenReason });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Whether the citizen may still reopen an answered item.</summary>
    public bool CanReopen(FeedbackItem item) =>
        item.Status == FeedbackStatus.Answered && item.AnsweredOn is DateOnly answered
        && VietnamTime.Today(time) <= answered.AddDays(ReopenDays);

    public async Task ReopenAsync(FeedbackItem item, string reason, CancellationToken ct)
    {
        var today = VietnamTime.Today(time);
        var before = new { item.Status, item.Outcome, item.DueOn };
        item.Status = FeedbackStatus.Reopened;
        item.ReopenCount++;
        item.ReopenReason = Clean(reason, 2000);
        item.DueOn = (await calendars.GetAsync(ct)).AddWorkingDays(today, item.DeadlineWorkingDays);
        audit.Record("feedback.reopened", EntityType, item.Id, item.OrgUnitId, before, new { item.Status, item.DueOn, item.ReopenCount });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Decrypts the contact for a handler and logs the read.</summary>
    public async Task<FeedbackContact> RevealContactAsync(FeedbackItem item, CancellationToken ct)
    {
        await audit.RecordReadAsync("feedback.contact", item.Id, item.OrgUnitId, ct);
        return new FeedbackContact(Unprotect("Name", item.ContactNameProtected), Unprotect("Phone", item.ContactPhoneProtected), Unprotect("Email", item.ContactEmailProtected));
    }

    public async Task<int> DeadlineDaysAsync(FeedbackKind kind, bool consulting, CancellationToken ct)
    {
        var rule = await db.Set<FeedbackDeadlineRule>().AsNoTracking().FirstOrDefaultAsync(r => r.Kind == kind, ct);
        return rule is null ? (consulting ? 7 : 5) : (consulting ? rule.WorkingDaysWhenConsulting : rule.WorkingDays);
    }

    /// <summary>Routing: an official → the agency of their current post; an agency → itself; otherwise the commune's People's Committee office.</summary>
    private async Task<int> RouteAsync(NewFeedback input, CancellationToken ct)
    {
        var tree = await orgTree.GetAsync(ct);
        var office = OfficeOf(tree, input.CommuneId);
        if (input.SubjectKind == FeedbackSubjectKind.Official && input.SubjectPersonId is int personId
            && input.Kind is not (FeedbackKind.KhieuNai or FeedbackKind.ToCao))
        {
            var today = VietnamTime.Today(time);
            var postUnit = await db.PublicPosts.IgnoreQueryFilters().AsNoTracking()
                .Where(p => p.PersonId == personId && p.From <= today && (p.To == null || p.To >= today))
                .Select(p => (int?)p.OrgUnitId)
                .FirstOrDefaultAsync(ct);
            if (postUnit is int unit && tree.CommuneOf(unit)?.Id == input.CommuneId)
            {
                return unit;
            }
        }

        if (input.SubjectKind == FeedbackSubjectKind.Agency && input.SubjectUnitId is int agency && tree.CommuneOf(agency)?.Id == input.CommuneId)
        {
            return agency;
        }

        return office;
    }

    /// <summary>The commune's People's Committee (code "{commune}-ubnd") or, without one, the commune itself.</summary>
    public static int OfficeOf(OrgTreeSnapshot tree, int communeId)
    {
        var commune = tree.Find(communeId);
        return commune is not null && tree.FindByCode(commune.Code + "-ubnd") is { } ubnd ? ubnd.Id : communeId;
    }

    private async Task<string> NewCodeAsync(CancellationToken ct)
    {
        while (true)
        {
            var code = TrackingCode.New();
            if (!await db.Set<FeedbackItem>().IgnoreQueryFilters().AnyAsync(f => f.TrackingCode == code, ct))
            {
                return code;
            }
        }
    }

    private string? Protect(string field, string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : Protector(field).Protect(value.Trim());

    private string? Unprotect(string field, string? value) =>
        value is null ? null : Protector(field).Unprotect(value);

    private static string? Clean(string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var v = value.Trim();
        return v.Length > max ? v[..max] : v;
    }
}
