using CongVu.Infrastructure.Data;

namespace CongVu.Features.Feedback.Reception;

/// <summary>Who receives citizens at a session (Luật Tiếp công dân 2013, Điều 15; Quy định 11-QĐi/TW 2019 for the Party secretary).</summary>
public enum ReceptionHost
{
    /// <summary>Chủ tịch UBND xã: at least one day a week.</summary>
    Chair = 1,

    /// <summary>Bí thư Đảng ủy xã: at least two days a month.</summary>
    PartySecretary = 2,

    /// <summary>Another official (a deputy chair, a committee member) by delegation.</summary>
    Other = 3,
}

public enum ReceptionPeriod
{
    Morning = 1,
    Afternoon = 2,
    FullDay = 3,

    /// <summary>Set hours, given by StartsAt and EndsAt.</summary>
    Hours = 4,
}

public enum ReceptionStatus
{
    Planned = 1,
    Held = 2,
    Cancelled = 3,
}

/// <summary>A citizen reception session (buổi tiếp công dân) of a commune; OrgUnitId is the commune's People's Committee.</summary>
public class ReceptionSession : IOrgOwned
{
    public int Id { get; set; }

    public int OrgUnitId { get; set; }

    public int CommuneId { get; set; }

    public DateOnly On { get; set; }

    public ReceptionPeriod Period { get; set; }

    public TimeOnly? StartsAt { get; set; }

    public TimeOnly? EndsAt { get; set; }

    public required string Place { get; set; }

    public ReceptionHost Host { get; set; }

    /// <summary>The official who received, when known in the registry.</summary>
    public int? HostPersonId { get; set; }

    public required string HostName { get; set; }

    public string? HostPost { get; set; }

    /// <summary>Định kỳ (on the published schedule) or đột xuất (unscheduled).</summary>
    public bool Regular { get; set; } = true;

    public ReceptionStatus Status { get; set; }

    /// <summary>Citizens received, including those whose matter was answered on the spot and needs no item.</summary>
    public int CitizensReceived { get; set; }

    public string? OutcomeNotes { get; set; }

    public DateTime CreatedAt { get; set; }

    public List<ReceptionVisit> Visits { get; set; } = [];
}

/// <summary>A citizen's matter raised at a session, linked to the feedback item it was filed as.</summary>
public class ReceptionVisit : IOrgOwned
{
    public int Id { get; set; }

    public int ReceptionSessionId { get; set; }

    public int OrgUnitId { get; set; }

    public int FeedbackItemId { get; set; }

    public FeedbackKind Kind { get; set; }
}
