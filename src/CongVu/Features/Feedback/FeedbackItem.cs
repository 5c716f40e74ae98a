using CongVu.Infrastructure.Data;

namespace CongVu.Features.Feedback;

public enum FeedbackKind
{
    PhanAnh = 1,
    KienNghi = 2,
    GopY = 3,
    Khen = 4,
    KhieuNai = 5,
    ToCao = 6,
}

public enum FeedbackChannel
{
    Web = 1,
    InPerson = 2,
    Phone = 3,
    Reception = 4,
    Open311 = 5,
}

public enum FeedbackSubjectKind
{
    None = 0,
    Official = 1,
    Agency = 2,
    Hamlet = 3,
    Dossier = 4,
}

public enum FeedbackAnonymity
{
    /// <summary>No contact kept at all.</summary>
    Anonymous = 1,

    /// <summary>Contact kept for the handler, hidden from the official concerned.</summary>
    HiddenFromOfficial = 2,
}

public enum FeedbackStatus
{
    Received = 1,
    InProgress = 2,
    Answered = 3,
    Reopened = 4,
}

public enum FeedbackOutcome
{
    Resolved = 1,
    PartlyResolved = 2,
    NotUpheld = 3,
    NotOurCompetence = 4,
}

/// <summary>One piece of citizen feedback; OrgUnitId is the unit it is routed to (scope of its handlers).</summary>
public class FeedbackItem : IOrgOwned
{
    public int Id { get; set; }

    /// <summary>Short unguessable code the citizen uses on the public status page.</summary>
    public required string TrackingCode { get; set; }

    public FeedbackKind Kind { get; set; }

    public FeedbackChannel Channel { get; set; }

    /// <summary>The commune (administrative unit) the feedback concerns.</summary>
    public int CommuneId { get; set; }

    public int OrgUnitId { get; set; }

    public FeedbackSubjectKind SubjectKind { get; set; }

    /// <summary>The official concerned, when the subject is an official: this person never sees the complainant.</summary>
    public int? SubjectPersonId { get; set; }

    /// <summary>The subject as shown to staff: an official's name, an agency, a hamlet or a dossier number.</summary>
    public string? SubjectText { get; set; }

    public required string Text { get; set; }

    public FeedbackAnonymity Anonymity { get; set; }

    /// <summary>Contact fields are encrypted with Data Protection, one purpose per field.</summary>
    public string? ContactNameProtected { get; set; }

    public string? ContactPhoneProtected { get; set; }

    public string? ContactEmailProtected { get; set; }

    public bool ContactConsent { get; set; }

    public DateTime ReceivedAt { get; set; }

    public DateOnly ReceivedOn { get; set; }

    /// <summary>Whether other bodies must be consulted (the longer deadline applies).</summary>
    public bool ConsultsOthers { get; set; }

    public int DeadlineWorkingDays { get; set; }

    public DateOnly DueOn { get; set; }

    public FeedbackStatus Status { get; set; }

    public FeedbackOutcome? Outcome { get; set; }

    public string? AnswerText { get; set; }

    public string? ReferredTo { get; set; }

    public string? EvidenceText { get; set; }

    public DateTime? AnsweredAt { get; set; }

    public DateOnly? AnsweredOn { get; set; }

    public string? AnsweredBy { get; set; }

    /// <summary>An apology is recorded when the office was at fault.</summary>
    public bool Apologised { get; set; }

    /// <summary>A thank-you is recorded when the feedback helped.</summary>
    public bool Thanked { get; set; }

    /// <summary>Conduct criteria breached, as codes ("3K-1"), comma separated; only for upheld complaints about an official.</summary>
    public string? ConductCodes { get; set; }

    public int ReopenCount { get; set; }

    public string? ReopenReason { get; set; }

    /// <summary>Moderation: hidden from public lists with a reason, never deleted.</summary>
    public bool Hidden { get; set; }

    public string? HiddenReason { get; set; }

    public List<FeedbackAttachment> Attachments { get; set; } = [];

    public bool IsOpen => Status != FeedbackStatus.Answered;

    public bool IsOverdue(DateOnly today) => IsOpen ? today > DueOn : AnsweredOn > DueOn;
}

public enum AttachmentRole
{
    CitizenPhoto = 1,
    Evidence = 2,
}

public class FeedbackAttachment : IOrgOwned
{
    public int Id { get; set; }

    public int FeedbackItemId { get; set; }

    public int OrgUnitId { get; set; }

    public AttachmentRole Role { get; set; }

    public required string ContentType { get; set; }

    public required string FileName { get; set; }

    public required byte[] Content { get; set; }

    public DateTime UploadedAt { get; set; }
}

/// <summary>Answer deadlines per kind, in working days; data because the amended laws change them (1/7/2026).</summary>
public class FeedbackDeadlineRule
{
    public FeedbackKind Kind { get; set; }

    public int WorkingDays { get; set; }

    public int WorkingDaysWhenConsulting { get; set; }
}

/// <summary>A quick satisfaction rating at a desk or for an official (1–5 each; trips = visits needed).</summary>
public class DeskRating : IOrgOwned
{
    public int Id { get; set; }

    public int OrgUnitId { get; set; }

    public int? PersonId { get; set; }

    public string? Desk { get; set; }

    public int Attitude { get; set; }

    public int Timeliness { get; set; }

    public int Clarity { get; set; }

    public int Trips { get; set; }

    public DateTime At { get; set; }

    public DateOnly On { get; set; }

    public double Average => (Attitude + Timeliness + Clarity) / 3.0;
}

/// <summary>An Open311 client's API key, stored as a SHA-256 hash.</summary>
public class Open311Client
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public required string KeyHash { get; set; }

    public DateTime CreatedAt { get; set; }

    public bool Revoked { get; set; }
}
