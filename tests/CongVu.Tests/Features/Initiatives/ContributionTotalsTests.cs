using CongVu.Features.Initiatives;

namespace CongVu.Tests.Features.Initiatives;

public class ContributionTotalsTests
{
    private static Contribution Row(ContributionKind kind, decimal quantity, decimal value, int? hamlet, int year, bool consent = false) => new()
    {
        DonorName = "Nguyễn Văn A", Kind = kind, Quantity = quantity, Unit = Contribution.DefaultUnit(kind), EstimatedValueVnd = value,
        HamletId = hamlet, OnDate = new DateOnly(year, 3, 1), PublicConsent = consent,
    };

    [Fact]
    public void Totals_AddEachKindAndTheValue()
    {
        var total = ContributionTotals.Of("kênh 9A", [
            Row(ContributionKind.Land, 120, 18_000_000, 1, 2018),
            Row(ContributionKind.Land, 80, 12_000_000, 2, 2018),
            Row(ContributionKind.FruitTrees, 12, 4_200_000, 1, 2018),
            Row(ContributionKind.Workdays, 10, 2_000_000, 2, 2019),
            Row(ContributionKind.Money, 3_000_000, 3_000_000, 2, 2019),
        ]);

        Assert.Equal(5, total.Count);
        Assert.Equal(200, total.LandM2);
        Assert.Equal(12, total.Trees);
        Assert.Equal(10, total.Workdays);
        Assert.Equal(3_000_000, total.MoneyVnd);
        Assert.Equal(39_200_000, total.EstimatedValueVnd);
    }

    [Fact]
    public void Totals_ByHamletAndYear_GroupTheRows()
    {
        Contribution[] rows = [
            Row(ContributionKind.Land, 100, 10, 1, 2018), Row(ContributionKind.Land, 50, 5, 1, 2019), Row(ContributionKind.Land, 30, 3, 2, 2019),
        ];

        var byHamlet = ContributionTotals.By(rows, r => r.HamletId ?? 0, h => "Ấp " + h);
        var byYear = ContributionTotals.By(rows, r => r.OnDate.Year, y => y.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal([("Ấp 1", 150m), ("Ấp 2", 30m)], byHamlet.Select(t => (t.Key, t.LandM2)));
        Assert.Equal([("2018", 10m), ("2019", 8m)], byYear.Select(t => (t.Key, t.EstimatedValueVnd)));
    }

    [Fact]
    public void PublicDonor_IsNamedOnlyWithConsent()
    {
        Assert.Equal("Nguyễn Văn A", ContributionTotals.PublicDonor(Row(ContributionKind.Land, 1, 1, 1, 2020, consent: true), "Ấp Cây Gòn"));
        Assert.Equal("Một hộ ở ấp Cây Gòn", ContributionTotals.PublicDonor(Row(ContributionKind.Land, 1, 1, 1, 2020), "Ấp Cây Gòn"));
        Assert.Equal("Một nhà hảo tâm", ContributionTotals.PublicDonor(Row(ContributionKind.Money, 1, 1, null, 2020), null));
    }
}
