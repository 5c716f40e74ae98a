using CongVu.Features.Households;

namespace CongVu.Tests.Features.Households;

public class PovertyStandardTests
{
    [Theory]
    [InlineData(HouseholdArea.Rural, 700_000, 0, PovertyClass.Poor)]
    [InlineData(HouseholdArea.Rural, 700_001, 2, PovertyClass.NearPoor)]
    [InlineData(HouseholdArea.Rural, 1_000_000, 2, PovertyClass.NearPoor)]
    [InlineData(HouseholdArea.Rural, 1_000_000, 3, PovertyClass.Poor)]
    [InlineData(HouseholdArea.Rural, 1_000_001, 5, PovertyClass.NotPoor)]
    [InlineData(HouseholdArea.Urban, 900_000, 0, PovertyClass.Poor)]
    [InlineData(HouseholdArea.Urban, 900_001, 2, PovertyClass.NearPoor)]
    [InlineData(HouseholdArea.Urban, 1_300_000, 3, PovertyClass.Poor)]
    [InlineData(HouseholdArea.Urban, 1_300_001, 3, PovertyClass.NotPoor)]
    public void Qd59_ClassifiesAtTheLinesAndAtThreeDeprivations(HouseholdArea area, int income, int deprivations, PovertyClass expected) =>
        Assert.Equal(expected, PovertyStandard.For(2020).Classify(area, income, deprivations));

    [Theory]
    [InlineData(HouseholdArea.Rural, 1_500_000, 3, PovertyClass.Poor)]
    [InlineData(HouseholdArea.Rural, 1_500_000, 2, PovertyClass.NearPoor)]
    [InlineData(HouseholdArea.Rural, 1_500_001, 6, PovertyClass.NotPoor)]
    [InlineData(HouseholdArea.Urban, 2_000_000, 3, PovertyClass.Poor)]
    [InlineData(HouseholdArea.Urban, 2_000_000, 2, PovertyClass.NearPoor)]
    [InlineData(HouseholdArea.Urban, 2_000_001, 3, PovertyClass.NotPoor)]
    public void Nd07_ClassifiesAtTheLineAndAtThreeDeprivations(HouseholdArea area, int income, int deprivations, PovertyClass expected) =>
        Assert.Equal(expected, PovertyStandard.For(2024).Classify(area, income, deprivations));

    [Theory]
    [InlineData(2016, "qd-59-2015")]
    [InlineData(2021, "qd-59-2015")]
    [InlineData(2022, "nd-07-2021")]
    [InlineData(2026, "nd-07-2021")]
    [InlineData(2027, "nd-351-2025")]
    public void For_PicksTheStandardInForceThatYear(int year, string code) =>
        Assert.Equal(code, PovertyStandard.For(year).Code);

    [Fact]
    public void Nd351_RaisesTheLinesFrom2027()
    {
        var s = PovertyStandard.For(2028);
        Assert.Equal(PovertyClass.NearPoor, s.Classify(HouseholdArea.Rural, 2_200_000, 2));
        Assert.Equal(PovertyClass.Poor, s.Classify(HouseholdArea.Urban, 2_800_000, 3));
        Assert.Equal(PovertyClass.NotPoor, s.Classify(HouseholdArea.Urban, 2_800_001, 3));
    }
}
