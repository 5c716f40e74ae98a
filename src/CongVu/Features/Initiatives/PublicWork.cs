using CongVu.Infrastructure.Data;

namespace CongVu.Features.Initiatives;

public enum PublicWorkKind
{
    Road = 1,
    Canal = 2,
    Bridge = 3,
    Lights = 4,
    Other = 9,
}

public enum PublicWorkStatus
{
    Planned = 1,
    Mobilising = 2,
    UnderConstruction = 3,
    Completed = 4,
}

public enum ContributionKind
{
    Land = 1,
    FruitTrees = 2,
    Crops = 3,
    Structure = 4,
    Money = 5,
    Workdays = 6,
    Gift = 7,
}

/// <summary>A public work built with the people (Nhà nước và nhân dân cùng làm): rural road, canal dredging, bridge, lights. Owned by the commune.</summary>
public class PublicWork : IOrgOwned
{
    public int Id { get; set; }

    /// <summary>The commune (administrative unit).</summary>
    public int OrgUnitId { get; set; }

    /// <summary>The hamlet it runs through, when one.</summary>
    public int? HamletId { get; set; }

    public PublicWorkKind Kind { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    public PublicWorkStatus Status { get; set; } = PublicWorkStatus.Planned;

    public DateOnly? StartOn { get; set; }

    public DateOnly? CompletedOn { get; set; }

    /// <summary>Length in metres, for roads and canals.</summary>
    public int? LengthMetres { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public static string KindName(PublicWorkKind k) => k switch
    {
        PublicWorkKind.Road => "Đường giao thông nông thôn",
        PublicWorkKind.Canal => "Nạo vét kênh",
        PublicWorkKind.Bridge => "Cầu",
        PublicWorkKind.Lights => "Đèn chiếu sáng",
        _ => "Công trình khác",
    };

    public static string StatusName(PublicWorkStatus s) => s switch
    {
        PublicWorkStatus.Planned => "Dự kiến",
        PublicWorkStatus.Mobilising => "Đang vận động",
        PublicWorkStatus.UnderConstruction => "Đang thi công",
        _ => "Hoàn thành",
    };
}

/// <summary>
/// What a household or person gave: to a public work (land, trees, crops, structures, money, workdays), or
/// to a poor household (gifts, money; PublicWorkId null). Names are shown publicly only with consent.
/// </summary>
public class Contribution : IOrgOwned
{
    public int Id { get; set; }

    /// <summary>The commune that recorded it.</summary>
    public int OrgUnitId { get; set; }

    public int? PublicWorkId { get; set; }

    /// <summary>The donor's hamlet ("một hộ ở ấp X"); null for a donor from elsewhere.</summary>
    public int? HamletId { get; set; }

    public required string DonorName { get; set; }

    /// <summary>Where a donor from outside the commune lives: "Bình Dương".</summary>
    public string? DonorFrom { get; set; }

    public int? DonorHouseholdId { get; set; }

    public bool PublicConsent { get; set; }

    public ContributionKind Kind { get; set; }

    public decimal Quantity { get; set; }

    public required string Unit { get; set; }

    public decimal EstimatedValueVnd { get; set; }

    public DateOnly OnDate { get; set; }

    public string? Note { get; set; }

    /// <summary>The poor household supported (Features/Households), when on the register.</summary>
    public int? RecipientHouseholdId { get; set; }

    /// <summary>The recipient as described when not linked: "hộ nghèo ấp Cây Gòn".</summary>
    public string? RecipientDescription { get; set; }

    public DateTime RecordedAt { get; set; }

    public string? RecordedBy { get; set; }

    public static string KindName(ContributionKind k) => k switch
    {
        ContributionKind.Land => "Hiến đất",
        ContributionKind.FruitTrees => "Cây ăn trái",
        ContributionKind.Crops => "Hoa màu",
        ContributionKind.Structure => "Vật kiến trúc",
        ContributionKind.Money => "Tiền",
        ContributionKind.Workdays => "Ngày công",
        _ => "Quà tặng",
    };

    public static string DefaultUnit(ContributionKind k) => k switch
    {
        ContributionKind.Land => "m²",
        ContributionKind.FruitTrees => "cây",
        ContributionKind.Crops => "m²",
        ContributionKind.Structure => "hạng mục",
        ContributionKind.Money => "đồng",
        ContributionKind.Workdays => "ngày công",
        _ => "phần quà",
    };
}
