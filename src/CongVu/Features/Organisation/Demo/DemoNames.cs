namespace CongVu.Features.Organisation.Demo;

/// <summary>Plausible personal names of the Mekong delta: Kinh names, and Khmer names as written in Vietnamese papers in Trà Vinh.</summary>
internal sealed class DemoNames(Random rng)
{
    public const string Kinh = "Kinh";
    public const string Khmer = "Khmer";

    // Weighted by repetition: Nguyễn, Trần and Lê are far the most common.
    private static readonly string[] KinhFamilies =
    [
        "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Trần", "Lê", "Lê", "Lê",
        "Phạm", "Phạm", "Huỳnh", "Huỳnh", "Võ", "Võ", "Đặng", "Bùi", "Dương", "Lâm", "Phan", "Trương",
        "Ngô", "Đỗ", "Hồ", "Lý", "Châu", "Đoàn", "Tô",
    ];

    private static readonly string[] KhmerFamilies = ["Thạch", "Thạch", "Thạch", "Kim", "Kim", "Sơn", "Sơn", "Lâm", "Dương", "Trầm", "Danh"];

    private static readonly string[] MaleMiddles = ["Văn", "Văn", "Văn", "Văn", "Minh", "Thanh", "Hoàng", "Quốc", "Hữu", "Công", "Ngọc", "Thành"];

    private static readonly string[] FemaleMiddles = ["Thị", "Thị", "Thị", "Thị", "Ngọc", "Thu", "Kim", "Thanh", "Mỹ", "Bích", "Hồng"];

    private static readonly string[] MaleGivens =
    [
        "Hùng", "Dũng", "Tuấn", "Phước", "Lộc", "Tài", "Sang", "Hải", "Bình", "Thành", "Nghĩa", "Trung",
        "Hiếu", "Khang", "Tâm", "Toàn", "Vũ", "Quang", "Phúc", "Long", "Nhân", "Thắng", "Cường", "Hòa",
        "Đức", "Tín", "Lợi", "Út", "Hậu", "Khải", "Tuấn Anh", "Minh Trí", "Thanh Tùng", "Hoàng Nam",
    ];

    private static readonly string[] FemaleGivens =
    [
        "Lan", "Hoa", "Hồng", "Mai", "Thảo", "Trang", "Nhung", "Hạnh", "Diễm", "Loan", "Tuyết", "Huệ",
        "Yến", "Ngân", "Phượng", "Trinh", "Thủy", "Hằng", "Linh", "Vy", "Cúc", "Xuân", "Thắm", "Nga",
        "Kiều", "Oanh", "Bé Hai", "Thanh Hương", "Ngọc Hân", "Mỹ Duyên",
    ];

    private static readonly string[] KhmerMaleGivens = ["Sa Rây", "Sô Phal", "Chanh Đa", "Ra Sy", "Sa Mết", "Phi Rum", "Sóc Khên", "Kha Nol", "Thươl", "Sà Rươne", "Văn Hùng", "Văn Chanh"];

    private static readonly string[] KhmerFemaleGivens = ["Sóc Kha", "Thị Phol", "Thị Sa Phi", "Thị Mỹ Na", "Thị Chanh Thu", "Thị Sà Rết", "Thị Thy", "Thị Sô Phia", "Thị Ngọc Hà"];

    private readonly HashSet<string> _used = new(StringComparer.Ordinal) { "Huỳnh Văn Lý" };

    /// <summary>A name not given before in this run, its gender and ethnicity; about one in seven is Khmer.</summary>
    public (string FullName, Gender Gender, string Ethnicity) Next(double femaleShare)
    {
        for (var attempt = 0; ; attempt++)
        {
            var gender = rng.NextDouble() < femaleShare ? Gender.Female : Gender.Male;
            var khmer = rng.NextDouble() < 0.14;
            string name;
            if (khmer)
            {
                var family = Pick(KhmerFamilies);
                name = gender == Gender.Female ? $"{family} {Pick(KhmerFemaleGivens)}" : $"{family} {Pick(KhmerMaleGivens)}";
            }
            else
            {
                var family = Pick(KinhFamilies);
                name = gender == Gender.Female
                    ? $"{family} {Pick(FemaleMiddles)} {Pick(FemaleGivens)}"
                    : $"{family} {Pick(MaleMiddles)} {Pick(MaleGivens)}";
            }

            // Repeated names are real but confuse a demo; after many tries a repeat is accepted.
            if (_used.Add(name) || attempt > 20)
            {
                return (name, gender, khmer ? Khmer : Kinh);
            }
        }
    }

    private string Pick(string[] items) => items[rng.Next(items.Length)];
}
