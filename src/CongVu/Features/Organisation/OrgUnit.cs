namespace CongVu.Features.Organisation;

public enum OrgUnitKind
{
    // Administrative units (tỉnh / huyện / xã / ấp).
    Province = 1,
    District = 2,
    Commune = 3,
    Hamlet = 4,

    // Party organisations (Đảng bộ tỉnh / huyện / xã, chi bộ).
    ProvincialPartyCommittee = 11,
    DistrictPartyCommittee = 12,
    CommunePartyCommittee = 13,
    PartyCell = 14,

    // Agencies of a commune (UBND, HĐND, MTTQ, đoàn thể) and other workplaces.
    Agency = 21,
}

/// <summary>
/// One node of the organisation tree: an administrative unit, a party organisation or an agency.
/// Units never move; a reorganisation ends a unit (ValidTo) and starts its successor, so old
/// records keep the names they had.
/// </summary>
public class OrgUnit
{
    public int Id { get; set; }

    public int? ParentId { get; set; }

    public OrgUnit? Parent { get; set; }

    public OrgUnitKind Kind { get; set; }

    /// <summary>Stable ASCII code, unique: "hieu-trung", "tieu-can".</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public string? ShortName { get; set; }

    /// <summary>For a party organisation: the administrative unit it leads (a commune committee → its commune; a hamlet cell → its hamlet).</summary>
    public int? AdminUnitId { get; set; }

    public DateOnly ValidFrom { get; set; }

    /// <summary>Last day the unit existed; null while it still exists.</summary>
    public DateOnly? ValidTo { get; set; }

    public int SortOrder { get; set; }

    /// <summary>Materialised path of ids, "/1/4/9/": a subtree is a prefix.</summary>
    public string Path { get; set; } = "/";

    public string SearchName { get; set; } = string.Empty;

    public bool IsValidOn(DateOnly day) => ValidFrom <= day && (ValidTo is null || ValidTo >= day);

    public static bool IsAdministrative(OrgUnitKind kind) => kind is >= OrgUnitKind.Province and <= OrgUnitKind.Hamlet;

    public static bool IsParty(OrgUnitKind kind) => kind is >= OrgUnitKind.ProvincialPartyCommittee and <= OrgUnitKind.PartyCell;
}

/// <summary>A unit taken over by another (merger, rename, split): records of the old unit stay under it and are reachable from its successor.</summary>
public class OrgUnitSuccession
{
    public int Id { get; set; }

    public int PredecessorId { get; set; }

    public OrgUnit? Predecessor { get; set; }

    public int SuccessorId { get; set; }

    public OrgUnit? Successor { get; set; }

    public DateOnly EffectiveOn { get; set; }

    /// <summary>Decision or resolution behind the change, e.g. "Nghị quyết 1687/NQ-UBTVQH15".</summary>
    public string? Basis { get; set; }
}
