namespace CongVu.Baseline
{
    public sealed record Item(string Code, string Name, string Trail, int Cells, int Members, int Exempt, DateOnly AsOf);
}

public partial class Program
{
    /// <summary>Cards for the bare home page; the count is set so the page weighs about as much as CongVu's home.</summary>
    public static IReadOnlyList<CongVu.Baseline.Item> Items { get; } = Enumerable.Range(1, int.TryParse(Environment.GetEnvironmentVariable("BASELINE_ITEMS"), out var n) ? n : 3)
        .Select(i => new CongVu.Baseline.Item($"xa-{i}", $"Xã Tiểu Cần {i}", "Tỉnh Vĩnh Long", 13 + i, 280 + i, 40 + i, new DateOnly(2026, 11, 25)))
        .ToList();
}
