namespace CongVu.Features.Indicators;

/// <summary>The indicator codes other modules (reports, dashboards, the API) rely on. Never rename one.</summary>
public static class IndicatorCodes
{
    public const string Households = "households";
    public const string PoorHouseholds = "poor-households";
    public const string PoorHouseholdRate = "poor-household-rate";
    public const string NearPoorHouseholds = "near-poor-households";
    public const string CulturalFamilyRate = "cultural-family-rate";
    public const string IncomePerCapita = "income-per-capita";
    public const string InvestmentTotal = "investment-total";
    public const string ProductionValue = "production-value";
    public const string PartyMembers = "party-members";
    public const string PledgeRate = "pledge-rate";
    public const string TypicalInitiatives = "typical-initiatives";
    public const string FeedbackOnTimeRate = "feedback-on-time-rate";

    /// <summary>Indicators counted from the household register, per hamlet or commune, year by year.</summary>
    public static readonly string[] FromHouseholds = [Households, PoorHouseholds, PoorHouseholdRate, NearPoorHouseholds, CulturalFamilyRate];

    /// <summary>Indicators taken from the commune's public summary (the same code path as GET /api/v1/public/summary).</summary>
    public static readonly string[] FromSummary = [PartyMembers, PledgeRate, TypicalInitiatives, FeedbackOnTimeRate];
}

/// <summary>The catalogue as seeded at every start (upsert by code).</summary>
public static class IndicatorCatalogue
{
    private const string Economy = "Kinh tế";
    private const string Society = "Văn hóa – Xã hội";
    private const string Party = "Xây dựng Đảng, chính quyền";

    public static IReadOnlyList<IndicatorDefinition> Definitions() =>
    [
        Def(IndicatorCodes.IncomePerCapita, "Thu nhập bình quân đầu người", "Income per capita", "triệu đồng/người/năm", Economy, IndicatorDirection.HigherIsBetter, IndicatorScope.Commune, IndicatorSource.Entered, "Nhập từ báo cáo thống kê kinh tế – xã hội năm của UBND xã", 10),
        Def(IndicatorCodes.InvestmentTotal, "Tổng vốn đầu tư phát triển trên địa bàn", "Total development investment", "tỷ đồng", Economy, IndicatorDirection.HigherIsBetter, IndicatorScope.Commune, IndicatorSource.Entered, "Nhập từ báo cáo của UBND xã (vốn nhà nước, doanh nghiệp, nhân dân)", 20),
        Def(IndicatorCodes.ProductionValue, "Giá trị sản xuất", "Production value", "tỷ đồng", Economy, IndicatorDirection.HigherIsBetter, IndicatorScope.Commune, IndicatorSource.Entered, "Nhập từ báo cáo thống kê năm (giá so sánh)", 30),
        Def(IndicatorCodes.Households, "Số hộ gia đình", "Households", "hộ", Society, IndicatorDirection.HigherIsBetter, IndicatorScope.Hamlet, IndicatorSource.Computed, "Đếm hộ có số liệu năm trong sổ hộ gia đình của các ấp, khóm", 40),
        Def(IndicatorCodes.PoorHouseholds, "Số hộ nghèo", "Poor households", "hộ", Society, IndicatorDirection.LowerIsBetter, IndicatorScope.Hamlet, IndicatorSource.Computed, "Đếm hộ được phân loại nghèo theo chuẩn nghèo của năm", 50),
        Def(IndicatorCodes.PoorHouseholdRate, "Tỷ lệ hộ nghèo", "Poor household rate", "%", Society, IndicatorDirection.LowerIsBetter, IndicatorScope.Hamlet, IndicatorSource.Computed, "Số hộ nghèo / số hộ × 100, làm tròn 2 chữ số", 60),
        Def(IndicatorCodes.NearPoorHouseholds, "Số hộ cận nghèo", "Near-poor households", "hộ", Society, IndicatorDirection.LowerIsBetter, IndicatorScope.Hamlet, IndicatorSource.Computed, "Đếm hộ được phân loại cận nghèo theo chuẩn nghèo của năm", 70),
        Def(IndicatorCodes.CulturalFamilyRate, "Tỷ lệ hộ đạt gia đình văn hóa", "Cultural family rate", "%", Society, IndicatorDirection.HigherIsBetter, IndicatorScope.Hamlet, IndicatorSource.Computed, "Số hộ được công nhận gia đình văn hóa / số hộ × 100", 80),
        Def(IndicatorCodes.PartyMembers, "Số đảng viên", "Party members", "người", Party, IndicatorDirection.HigherIsBetter, IndicatorScope.Commune, IndicatorSource.Computed, "Đảng viên trong danh sách của Đảng bộ xã cuối năm (partyMembers)", 90),
        Def(IndicatorCodes.PledgeRate, "Tỷ lệ đảng viên đăng ký làm theo tấm gương Bác", "Pledge rate", "%", Party, IndicatorDirection.HigherIsBetter, IndicatorScope.Commune, IndicatorSource.Computed, "Bản đăng ký / đảng viên phải đăng ký × 100 (pledgeRate)", 100),
        Def(IndicatorCodes.TypicalInitiatives, "Số mô hình, cách làm hay tiêu biểu", "Typical initiatives", "mô hình", Party, IndicatorDirection.HigherIsBetter, IndicatorScope.Commune, IndicatorSource.Computed, "Mô hình được công nhận tiêu biểu trong năm (typicalInitiatives)", 110),
        Def(IndicatorCodes.FeedbackOnTimeRate, "Tỷ lệ phản ánh được trả lời đúng hạn", "Feedback answered on time", "%", Party, IndicatorDirection.HigherIsBetter, IndicatorScope.Commune, IndicatorSource.Computed, "Phản ánh trả lời đúng hạn / phản ánh nhận được × 100", 120),
    ];

    private static IndicatorDefinition Def(string code, string name, string english, string unit, string group, IndicatorDirection direction, IndicatorScope scope, IndicatorSource source, string method, int order) =>
        new()
        {
            Code = code,
            Name = name,
            EnglishName = english,
            Unit = unit,
            Group = group,
            Direction = direction,
            Scope = scope,
            Source = source,
            Method = method,
            SortOrder = order,
        };
}
