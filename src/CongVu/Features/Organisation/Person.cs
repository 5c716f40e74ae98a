using CongVu.Infrastructure.Data;

namespace CongVu.Features.Organisation;

public enum Gender
{
    Unknown = 0,
    Male = 1,
    Female = 2,
}

/// <summary>A person the commune keeps on its registry: party member, official, or both.</summary>
public class Person : IOrgOwned
{
    public int Id { get; set; }

    /// <summary>The unit that keeps this record: the member's cell, or the official's agency or commune.</summary>
    public int OrgUnitId { get; set; }

    public OrgUnit? OrgUnit { get; set; }

    public required string FullName { get; set; }

    public string SearchName { get; set; } = string.Empty;

    public DateOnly? BirthDate { get; set; }

    public Gender Gender { get; set; }

    public string? Ethnicity { get; set; }

    public string? Phone { get; set; }

    public string? Address { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public PartyMembership? Membership { get; set; }

    public List<PublicPost> Posts { get; set; } = [];
}

public enum MemberClass
{
    Probationary = 1,
    Official = 2,
}

public enum MemberStatus
{
    Active = 1,
    ExemptFromActivities = 2,
    Suspended = 3,
    TransferredOut = 4,
    Deceased = 5,
    Expelled = 6,
}

/// <summary>Party membership (đảng tịch) of a person; sensitive data.</summary>
public class PartyMembership : IOrgOwned
{
    public int Id { get; set; }

    public int PersonId { get; set; }

    public Person? Person { get; set; }

    /// <summary>The cell the member belongs to now (or belonged to last).</summary>
    public int OrgUnitId { get; set; }

    public OrgUnit? Cell { get; set; }

    public string? CardNumber { get; set; }

    public DateOnly AdmittedOn { get; set; }

    public DateOnly? OfficialOn { get; set; }

    public MemberClass Class { get; set; }

    public MemberStatus Status { get; set; }

    public DateOnly StatusSince { get; set; }

    public string? StatusReason { get; set; }

    public List<MembershipPeriod> Periods { get; set; } = [];

    public static bool IsOnRoll(MemberStatus status) =>
        status is MemberStatus.Active or MemberStatus.ExemptFromActivities or MemberStatus.Suspended;
}

public enum MembershipChange
{
    Admitted = 1,
    MadeOfficial = 2,
    Exempted = 3,
    Suspended = 4,
    Reinstated = 5,
    TransferredIn = 6,
    MovedCell = 7,
    Merger = 8,
    TransferredOut = 9,
    Deceased = 10,
    Expelled = 11,
    Imported = 12,
}

/// <summary>
/// A stretch of time in which a member's cell, class and status stayed the same. Every change closes
/// the open period and opens the next, so the roll on any past date is one query.
/// </summary>
public class MembershipPeriod : IOrgOwned
{
    public int Id { get; set; }

    public int MembershipId { get; set; }

    public PartyMembership? Membership { get; set; }

    /// <summary>The cell during this period.</summary>
    public int OrgUnitId { get; set; }

    public OrgUnit? Cell { get; set; }

    public MemberClass Class { get; set; }

    public MemberStatus Status { get; set; }

    public DateOnly From { get; set; }

    /// <summary>Last day of the period; null while open.</summary>
    public DateOnly? To { get; set; }

    /// <summary>What started this period.</summary>
    public MembershipChange Change { get; set; }

    public string? Reason { get; set; }

    public DateTime RecordedAt { get; set; }

    public string? RecordedBy { get; set; }
}

/// <summary>A public post (chức vụ) held in an agency or party organisation.</summary>
public class PublicPost : IOrgOwned
{
    public int Id { get; set; }

    public int PersonId { get; set; }

    public Person? Person { get; set; }

    /// <summary>The agency or organisation where the post is held.</summary>
    public int OrgUnitId { get; set; }

    public OrgUnit? Agency { get; set; }

    public required string Title { get; set; }

    public bool IsLeadership { get; set; }

    public DateOnly From { get; set; }

    public DateOnly? To { get; set; }
}
