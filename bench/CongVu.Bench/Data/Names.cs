namespace CongVu.Bench.Data;

/// <summary>Vietnamese names and places for generated data, drawn from a seeded Random so every run is the same.</summary>
public static class Names
{
    private static readonly string[] Surnames =
    [
        "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Huỳnh", "Hoàng", "Phan", "Võ", "Vũ", "Đặng", "Bùi",
        "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Thạch", "Kim", "Sơn", "Trương", "Lâm", "Châu", "Diệp", "Tô",
    ];

    private static readonly string[] MaleMiddle = ["Văn", "Văn", "Hữu", "Minh", "Quốc", "Thanh", "Công", "Đức", "Hoàng", "Ngọc"];

    private static readonly string[] FemaleMiddle = ["Thị", "Thị", "Thị", "Ngọc", "Thanh", "Kim", "Thu", "Mỹ", "Hồng", "Bích"];

    private static readonly string[] MaleGiven =
    [
        "An", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hiếu", "Hòa", "Hùng", "Khánh", "Lâm", "Long", "Lợi", "Minh", "Nam", "Nghĩa",
        "Phúc", "Phước", "Quang", "Sang", "Sơn", "Tâm", "Thành", "Thắng", "Thiện", "Toàn", "Trí", "Trung", "Tuấn", "Việt",
    ];

    private static readonly string[] FemaleGiven =
    [
        "Anh", "Bích", "Châu", "Diễm", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hoa", "Hương", "Lan", "Liên", "Linh", "Loan", "Mai",
        "Nga", "Ngân", "Nhung", "Oanh", "Phương", "Quyên", "Thảo", "Thủy", "Trang", "Trinh", "Tuyết", "Vân", "Xuân", "Yến",
    ];

    private static readonly string[] Syllables =
    [
        "Tân", "Phú", "Long", "Hòa", "An", "Bình", "Thạnh", "Mỹ", "Trung", "Hiệp", "Lộc", "Thuận", "Hưng", "Phước", "Vĩnh", "Đông",
    ];

    public static (string Name, bool Female) Person(Random rng)
    {
        var female = rng.NextDouble() < 0.42;
        var surname = Surnames[rng.Next(Surnames.Length)];
        var middle = female ? FemaleMiddle[rng.Next(FemaleMiddle.Length)] : MaleMiddle[rng.Next(MaleMiddle.Length)];
        var given = female ? FemaleGiven[rng.Next(FemaleGiven.Length)] : MaleGiven[rng.Next(MaleGiven.Length)];
        return ($"{surname} {middle} {given}", female);
    }

    /// <summary>The i-th place name of two syllables (256 distinct, then numbered), in a fixed order.</summary>
    public static string Place(int i)
    {
        var a = Syllables[i % Syllables.Length];
        var b = Syllables[(i / Syllables.Length + 7 * i + 3) % Syllables.Length];
        if (a == b)
        {
            b = Syllables[(Array.IndexOf(Syllables, b) + 1) % Syllables.Length];
        }

        var round = i / (Syllables.Length * Syllables.Length);
        return round == 0 ? $"{a} {b}" : $"{a} {b} {round + 1}";
    }

    public static string Ethnicity(Random rng) => rng.NextDouble() switch
    {
        < 0.68 => "Kinh",
        < 0.95 => "Khmer",
        _ => "Hoa",
    };
}
