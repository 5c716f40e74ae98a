namespace CongVu.Features.Reports;

/// <summary>The generated first draft of a report's narrative: sentences that frame the figures; the committee edits them before issuing.</summary>
public static class ReportNarrative
{
    public static List<(string Heading, string Text)> Generate(ReportKind kind, string committeeName, IReadOnlyList<YearFigures> years, string? termName)
    {
        ArgumentNullException.ThrowIfNull(years);
        var last = years[^1];
        string F(string key) => last.Get(key).Text;
        string Sentence(string text) => text;

        var organisation = Sentence($"{committeeName} có {F("partyCells")} chi bộ trực thuộc với {F("partyMembers")} đảng viên, trong đó {F("exemptMembers")} đồng chí được miễn công tác và sinh hoạt đảng.");
        if (kind == ReportKind.YearlyDirective05)
        {
            return
            [
                ("I. TÌNH HÌNH TỔ CHỨC", organisation),
                ("II. KẾT QUẢ HỌC TẬP VÀ LÀM THEO GƯƠNG BÁC",
                    $"Tỷ lệ cán bộ, đảng viên và chi bộ đăng ký, cam kết làm theo gương Bác: {F("pledgeRate")}.\n" +
                    $"Số mô hình làm theo Bác: {F("initiatives")}; mô hình tiêu biểu: {F("typicalInitiatives")}.\n" +
                    $"Tập thể, cá nhân được khen thưởng: {F("commendations")}."),
                ("III. THỰC HIỆN MÔ HÌNH “3 KHÔNG, 3 ĐÚNG, 3 NÊN, 3 CẦN, 3 CHỐNG”",
                    $"Tiếp nhận {F("feedbackReceived")} ý kiến, phản ánh của người dân; trả lời đúng hạn {F("feedbackAnsweredOnTime")}; quá hạn {F("feedbackOverdue")}; thời gian trả lời trung vị {F("feedbackMedianDays")} ngày làm việc.\n" +
                    $"Mức độ hài lòng của người dân: {F("satisfaction")}. Tỷ lệ hồ sơ thủ tục hành chính trả đúng hạn: {F("dossierOnTimeRate")}."),
                ("IV. KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN",
                    $"Hoàn thành xuất sắc nhiệm vụ: {F("ratings.excellent")}; hoàn thành tốt nhiệm vụ: {F("ratings.good")}; hoàn thành nhiệm vụ: {F("ratings.completed")}; không hoàn thành nhiệm vụ: {F("ratings.notCompleted")}."),
                ("V. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM TỚI",
                    "Tiếp tục đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh gắn với thực hiện mô hình “3 không, 3 đúng, 3 nên, 3 cần, 3 chống”; nhân rộng các mô hình tiêu biểu."),
            ];
        }

        var first = years[0];
        string Trend(string key) => $"{first.Get(key).Text} (năm {first.Year}) → {last.Get(key).Text} (năm {last.Year})";

        // Investment and production are yearly flows: the term's figure is their sum over the years with data.
        string Total(string key)
        {
            var known = years.Select(y => y.Get(key)).Where(v => v.Value is not null).ToList();
            return known.Count == 0 ? FigureValue.Missing : ReportFigures.Format(known.Sum(v => v.Value!.Value), known[0].Def);
        }

        return
        [
            ("I. KHÁI QUÁT TÌNH HÌNH", $"Nhiệm kỳ {termName}. " + organisation),
            ("II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI",
                $"Thu nhập bình quân đầu người: {Trend("incomePerCapita")} triệu đồng/người/năm.\n" +
                $"Hộ nghèo: {F("poorHouseholds")} hộ, tỷ lệ {F("poorHouseholdRate")} (năm {last.Year}).\n" +
                $"Tỷ lệ hộ gia đình văn hóa: {F("culturalFamilyRate")}.\n" +
                $"Tổng vốn đầu tư phát triển cả nhiệm kỳ: {Total("investmentTotal")} tỷ đồng; tổng giá trị sản xuất cả nhiệm kỳ: {Total("productionValue")} tỷ đồng.\n" +
                $"Xây dựng nông thôn mới: {last.NtmStatus ?? FigureValue.Missing}."),
            ("III. CÔNG TÁC XÂY DỰNG ĐẢNG",
                $"Tỷ lệ đăng ký làm theo gương Bác năm {last.Year}: {F("pledgeRate")}."),
            ("IV. ĐÁNH GIÁ CHUNG VÀ PHƯƠNG HƯỚNG NHIỆM KỲ TỚI",
                "Phát huy kết quả đạt được, khắc phục hạn chế; tập trung các chỉ tiêu chưa đạt trong nhiệm kỳ tới."),
        ];
    }
}
