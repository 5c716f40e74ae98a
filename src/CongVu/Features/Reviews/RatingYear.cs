using CongVu.Features.Reviews.Rules;
using CongVu.Infrastructure.Data;

namespace CongVu.Features.Reviews;

public enum YearState
{
    Open = 1,
    Reviewing = 2,
    Published = 3,
    Closed = 4,
}

/// <summary>
/// A rating period (year) of one commune party committee, with the rule set, deadlines, conduct-code
/// version and scoring breakdown it used. Not unit-owned: every member and secretary of the committee
/// must see the year they are rated in.
/// </summary>
public class RatingYear
{
    public int Id { get; set; }

    /// <summary>The commune party committee (Đảng bộ xã) whose members are rated.</summary>
    public int CommitteeId { get; set; }

    public int Year { get; set; }

    public RuleSet RuleSet { get; set; } = RuleSet.Qd366;

    /// <summary>Version label of the rule set's text used, e.g. "366-QĐ/TW 30/8/2025 + 43-HD/BTCTW".</summary>
    public string RuleSetVersion { get; set; } = string.Empty;

    public int ConductCodeId { get; set; }

    public DateOnly PledgeDeadline { get; set; }

    public DateOnly ReviewDeadline { get; set; }

    public DateOnly? ExtensionDeadline { get; set; }

    public YearState State { get; set; } = YearState.Open;

    public DateTime CreatedAt { get; set; }

    public string? CreatedBy { get; set; }

    public DateTime? PublishedAt { get; set; }

    public List<ScoreItem> ScoreItems { get; set; } = [];

    public DateOnly PeriodStart => new(Year, 1, 1);

    public DateOnly PeriodEnd => new(Year, 12, 31);

    public static string StateName(YearState s) => s switch
    {
        YearState.Open => "Đang mở (đăng ký cam kết)",
        YearState.Reviewing => "Đang kiểm điểm, đánh giá",
        YearState.Published => "Đã công bố kết quả",
        _ => "Đã đóng",
    };
}

public enum ScoreGroup
{
    General = 1,
    Results = 2,
}

/// <summary>One line of the commune's scoring breakdown for a year (QĐ 366-QĐ/TW: general 30 + results 70).</summary>
public class ScoreItem
{
    public int Id { get; set; }

    public int RatingYearId { get; set; }

    public ScoreGroup Group { get; set; }

    public required string Code { get; set; }

    public required string Label { get; set; }

    public decimal MaxPoints { get; set; }

    /// <summary>The conduct criterion this line stands for, when it does.</summary>
    public string? CriterionCode { get; set; }

    public int SortOrder { get; set; }
}

/// <summary>Review forms of HD 43-HD/BTCTW: 2A leaders, 2B non-leaders, 2C members outside the political system.</summary>
public enum ReviewForm
{
    Form2A = 1,
    Form2B = 2,
    Form2C = 3,
}

public enum ReviewState
{
    Draft = 1,
    SelfSubmitted = 2,
    Appraised = 3,
}

/// <summary>One member's review in a year: self-assessment and the cell's appraisal. Sensitive; owned by the member's cell.</summary>
public class MemberReview : IOrgOwned
{
    public int Id { get; set; }

    public int RatingYearId { get; set; }

    public int PersonId { get; set; }

    /// <summary>The member's cell during the year: the scope filter lets only that cell's secretary and the committee see it.</summary>
    public int OrgUnitId { get; set; }

    public ReviewForm Form { get; set; } = ReviewForm.Form2B;

    public ReviewState State { get; set; } = ReviewState.Draft;

    public RatingLevel? SelfLevel { get; set; }

    public string? SelfSummary { get; set; }

    public DateTime? SelfSubmittedAt { get; set; }

    public RatingLevel? CellLevel { get; set; }

    public string? CellComment { get; set; }

    public DateTime? CellAppraisedAt { get; set; }

    public string? CellAppraisedBy { get; set; }

    public List<ReviewScore> Scores { get; set; } = [];
}

public class ReviewScore
{
    public int Id { get; set; }

    public int MemberReviewId { get; set; }

    public int ScoreItemId { get; set; }

    public decimal? SelfPoints { get; set; }

    public string? SelfNote { get; set; }
}

public enum DecisionState
{
    Draft = 1,
    Final = 2,
    Published = 3,
}

/// <summary>The competent level's decision on one member; locked once published, a re-rating is a new row that supersedes it.</summary>
public class RatingDecision : IOrgOwned
{
    public int Id { get; set; }

    public int RatingYearId { get; set; }

    public int PersonId { get; set; }

    /// <summary>The member's cell: also the comparison group for the quota.</summary>
    public int OrgUnitId { get; set; }

    public int? MemberReviewId { get; set; }

    public decimal Score { get; set; }

    public decimal DonePercent { get; set; }

    public decimal OnTimePercent { get; set; }

    public decimal ExceededPercent { get; set; }

    public bool PriorShortcomingsRemedied { get; set; }

    public bool DegradationConcluded { get; set; }

    public string? Mitigation { get; set; }

    /// <summary>For qualitative rule sets (124, 132): the level decided, taken as given.</summary>
    public RatingLevel? DecidedLevel { get; set; }

    public RatingLevel Level { get; set; }

    public string Explanation { get; set; } = string.Empty;

    public DecisionState State { get; set; } = DecisionState.Draft;

    public bool IsCurrent { get; set; } = true;

    public int? SupersedesId { get; set; }

    public string? ReRatingBasis { get; set; }

    public DateTime DecidedAt { get; set; }

    public string? DecidedBy { get; set; }
}

/// <summary>A recorded decision allowing the 25% quota for an organisation with outstanding achievements (QĐ 366-QĐ/TW).</summary>
public class QuotaAllowance : IOrgOwned
{
    public int Id { get; set; }

    public int RatingYearId { get; set; }

    public int OrgUnitId { get; set; }

    public required string Basis { get; set; }

    public DateTime RecordedAt { get; set; }

    public string? RecordedBy { get; set; }
}

/// <summary>A discipline record (Quy định 69-QĐ/TW levels), kept as evidence for the review. Sensitive.</summary>
public class DisciplineRecord : IOrgOwned
{
    public int Id { get; set; }

    public int PersonId { get; set; }

    public int OrgUnitId { get; set; }

    public DisciplineLevel Level { get; set; }

    public DateOnly DecidedOn { get; set; }

    public required string Reason { get; set; }

    /// <summary>Only duty-related violations disqualify from a rating (QĐ 366-QĐ/TW).</summary>
    public bool DutyRelated { get; set; } = true;

    public DateTime RecordedAt { get; set; }

    public string? RecordedBy { get; set; }
}

/// <summary>The rating of a party organisation (a cell or the committee) for a year, on the same four levels (QĐ 366-QĐ/TW).</summary>
public class OrgRating : IOrgOwned
{
    public int Id { get; set; }

    public int RatingYearId { get; set; }

    /// <summary>The organisation rated.</summary>
    public int OrgUnitId { get; set; }

    public RatingLevel Level { get; set; }

    /// <summary>Older years' label, kept as given: "Trong sạch vững mạnh".</summary>
    public string? HistoricalLabel { get; set; }

    public string? Note { get; set; }

    public DateTime DecidedAt { get; set; }

    public string? DecidedBy { get; set; }
}
