namespace CongVu.Features.Households;

public sealed record CulturalExclusion(string Code, string Label);

/// <summary>
/// The cultural-family title (gia đình văn hóa): granted each year by the commune chair, decided by 25/11
/// (NĐ 86/2023/NĐ-CP from 2024; NĐ 122/2018/NĐ-CP before). Exclusions are data so they can change with the decree.
/// </summary>
public static class CulturalFamilyRules
{
    public static readonly CulturalExclusion[] Exclusions =
    [
        new("criminal", "Có thành viên bị kết án về tội phạm"),
        new("law-violation", "Có thành viên vi phạm pháp luật bị xử phạt hành chính"),
        new("social-evil", "Có thành viên mắc tệ nạn xã hội (ma túy, cờ bạc…)"),
        new("domestic-violence", "Có bạo lực gia đình"),
        new("not-registered", "Không đăng ký phấn đấu danh hiệu"),
        new("hygiene", "Không thực hiện quy định vệ sinh môi trường, hương ước"),
        new("obligations", "Không chấp hành nghĩa vụ công dân (thuế, nghĩa vụ quân sự…)"),
    ];

    public static string Basis(int year) => year >= 2024 ? "Nghị định 86/2023/NĐ-CP" : "Nghị định 122/2018/NĐ-CP";

    /// <summary>The last day of the year's decision (25/11).</summary>
    public static DateOnly DecisionDeadline(int year) => new(year, 11, 25);

    public static string? Label(string? code) => code is null ? null : Exclusions.FirstOrDefault(e => e.Code == code)?.Label ?? code;

    public static bool IsKnown(string? code) => code is not null && Exclusions.Any(e => e.Code == code);
}
