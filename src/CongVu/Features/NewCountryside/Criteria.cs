using CongVu.Infrastructure.Data;

namespace CongVu.Features.NewCountryside;

/// <summary>Which units a criteria set applies to.</summary>
public enum CriteriaLevel
{
    /// <summary>Xã nông thôn mới.</summary>
    Commune = 1,

    /// <summary>Xã nông thôn mới nâng cao.</summary>
    CommuneAdvanced = 2,

    /// <summary>Ấp nông thôn mới kiểu mẫu (set by the province).</summary>
    ModelHamlet = 3,
}

public enum CriterionState
{
    NotMet = 0,
    InProgress = 1,
    Met = 2,
}

/// <summary>A versioned criteria set (bộ tiêu chí) for one period, e.g. commune NTM 2021–2025 under QĐ 318/QĐ-TTg.</summary>
public class CriteriaSet
{
    public int Id { get; set; }

    /// <summary>Stable key, e.g. "ntm-xa-2021-2025".</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public CriteriaLevel Level { get; set; }

    /// <summary>The act that set the criteria, e.g. "Quyết định 318/QĐ-TTg ngày 08/3/2022".</summary>
    public required string LegalBasis { get; set; }

    public int FromYear { get; set; }

    public int ToYear { get; set; }

    /// <summary>Null for a national set; the province's code for a provincial set (model hamlets).</summary>
    public string? ProvinceCode { get; set; }

    public List<Criterion> Criteria { get; set; } = [];
}

/// <summary>One criterion of a set (tiêu chí số N).</summary>
public class Criterion
{
    public int Id { get; set; }

    public int CriteriaSetId { get; set; }

    public int Number { get; set; }

    public required string Name { get; set; }

    /// <summary>Group heading (Quy hoạch; Hạ tầng kinh tế - xã hội; Kinh tế và tổ chức sản xuất; Văn hóa - xã hội - môi trường; Hệ thống chính trị).</summary>
    public string? Group { get; set; }
}

/// <summary>The status of one criterion for one unit (commune or hamlet) in one year, with its evidence.</summary>
public class CriterionStatus : IOrgOwned
{
    public int Id { get; set; }

    public int OrgUnitId { get; set; }

    public int CriterionId { get; set; }

    public int Year { get; set; }

    public CriterionState State { get; set; }

    public string? Evidence { get; set; }

    /// <summary>The document that recognises or records the result, e.g. "Quyết định 1234/QĐ-UBND ngày 20/12/2019".</summary>
    public string? DocumentRef { get; set; }

    public DateTime UpdatedAt { get; set; }

    public string? UpdatedBy { get; set; }
}

/// <summary>An inspection visit of the district steering committee (Ban Chỉ đạo) to a hamlet or commune.</summary>
public class Inspection : IOrgOwned
{
    public int Id { get; set; }

    /// <summary>The hamlet (or commune) inspected.</summary>
    public int OrgUnitId { get; set; }

    public int CriteriaSetId { get; set; }

    public DateOnly Date { get; set; }

    public required string Team { get; set; }

    public required string Findings { get; set; }

    public DateTime CreatedAt { get; set; }

    public string? CreatedBy { get; set; }

    public List<InspectionNote> Notes { get; set; } = [];
}

/// <summary>What the team noted on one criterion during a visit.</summary>
public class InspectionNote
{
    public int Id { get; set; }

    public int InspectionId { get; set; }

    public int CriterionId { get; set; }

    public required string Note { get; set; }
}
