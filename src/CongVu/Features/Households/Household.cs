using CongVu.Features.Organisation;
using CongVu.Infrastructure.Data;

namespace CongVu.Features.Households;

/// <summary>
/// A household (hộ gia đình) of a hamlet: the register the socio-economic figures are counted from,
/// and the recipient of donors' support. Yearly facts (poverty classification, cultural-family title)
/// live in their own records so history is kept.
/// </summary>
public class Household : IOrgOwned
{
    public int Id { get; set; }

    /// <summary>The hamlet (ấp / khóm) the household lives in now.</summary>
    public int OrgUnitId { get; set; }

    public OrgUnit? Hamlet { get; set; }

    /// <summary>The household's number in the commune register (e.g. "PT1-0042"); unique within the hamlet.</summary>
    public required string Number { get; set; }

    public required string HeadName { get; set; }

    public string SearchName { get; set; } = string.Empty;

    /// <summary>The head of household, when the head is on the commune registry.</summary>
    public int? HeadPersonId { get; set; }

    public int MembersCount { get; set; }

    public string? Address { get; set; }

    /// <summary>The first day the household is on the register, and the day it left (moved away, merged, dissolved).</summary>
    public DateOnly RegisteredOn { get; set; }

    public DateOnly? LeftOn { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
