using CongVu.Features.Organisation;
using CongVu.Features.Organisation.Demo;

namespace CongVu.Tests.Features.Organisation.Demo;

public class DemoPlanTests
{
    private static readonly DemoPlan Plan = DemoPlanBuilder.Build();

    [Fact]
    public void Build_TwiceWithTheSameSeed_GivesIdenticalPeopleAndHistories()
    {
        var again = DemoPlanBuilder.Build();

        Assert.Equal(Describe(Plan), Describe(again));
    }

    [Fact]
    public void Build_WithAnotherSeed_GivesOtherPeople()
    {
        var other = DemoPlanBuilder.Build(DemoPlanBuilder.DefaultSeed + 1);

        Assert.NotEqual(Describe(Plan), Describe(other));
    }

    [Fact]
    public void HieuTrung_OnTheLastDayOf2020_Has13Cells286MembersAnd49Exempt()
    {
        var roll = Plan.RollOn(DemoPlanBuilder.OldCommitteeCode, new DateOnly(2020, 12, 31));

        Assert.Equal(new RollCount(13, 286, 49, roll.Probationary), roll);
        Assert.InRange(roll.Members, 281, 295);
    }

    [Fact]
    public void HieuTrungCells_OnTheLastDayOf2020_HoldBetween5And60Members()
    {
        var day = new DateOnly(2020, 12, 31);
        var cells = Plan.Units.Where(u => u.Kind == OrgUnitKind.PartyCell && u.Code.StartsWith("hieu-trung-", StringComparison.Ordinal)).ToList();
        var sizes = cells.Select(c => Plan.People
            .Select(p => p.Membership)
            .Count(m => m is not null && m.Periods.Any(p => p.OrgUnitId == c.Id && p.From <= day && (p.To is null || p.To >= day) && PartyMembership.IsOnRoll(p.Status))))
            .ToList();

        Assert.Equal(13, cells.Count);
        Assert.All(sizes, s => Assert.InRange(s, 5, 60));
    }

    [Fact]
    public void Members_AfterTheMerger_AreAllInCellsThatStillExist()
    {
        var units = Plan.Units.ToDictionary(u => u.Id);
        var onRoll = Plan.People.Select(p => p.Membership).OfType<PartyMembership>().Where(m => PartyMembership.IsOnRoll(m.Status)).ToList();

        Assert.NotEmpty(onRoll);
        Assert.All(onRoll, m => Assert.Null(units[m.OrgUnitId].ValidTo));
        Assert.All(onRoll, m => Assert.Equal(m.OrgUnitId, m.Person!.OrgUnitId));
    }

    [Fact]
    public void HieuTrungMembers_OnTheRollAtTheMerger_MoveThroughAMergerEntry()
    {
        var lastDay = new DateOnly(2025, 6, 30);
        var oldCells = Plan.Units.Where(u => u.Kind == OrgUnitKind.PartyCell && u.ValidTo == lastDay).Select(u => u.Id).ToHashSet();
        var merged = Plan.People.Select(p => p.Membership).OfType<PartyMembership>()
            .Where(m => m.Periods.Any(p => oldCells.Contains(p.OrgUnitId) && p.To == lastDay && PartyMembership.IsOnRoll(p.Status)))
            .ToList();

        Assert.True(merged.Count > 250, $"only {merged.Count} members reached the merger");
        Assert.All(merged, m => Assert.Contains(m.Periods, p => p.Change == MembershipChange.Merger && p.From == DemoPlanBuilder.MergerDay));
    }

    [Fact]
    public void CardNumbers_AreUniqueStringsOf8Or9Digits()
    {
        var cards = Plan.People.Select(p => p.Membership?.CardNumber).OfType<string>().ToList();

        Assert.Equal(cards.Count, cards.Distinct(StringComparer.Ordinal).Count());
        Assert.All(cards, c => Assert.Matches("^[1-9][0-9]{7,8}$", c));
    }

    [Fact]
    public void UnitCodes_AreUniqueAndAscii()
    {
        var codes = Plan.Units.Select(u => u.Code).ToList();

        Assert.Equal(codes.Count, codes.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(codes, c => Assert.Matches("^[a-z0-9-]+$", c));
    }

    [Fact]
    public void HuynhVanLy_IsTheCommuneSecretaryOfTermXiv()
    {
        var ly = Plan.PartySecretary;

        Assert.Equal("Huỳnh Văn Lý", ly.FullName);
        Assert.Contains(ly.Posts, p => p.Title == "Bí thư Đảng ủy xã" && p.IsLeadership
            && p.OrgUnitId == Plan.Unit(DemoPlanBuilder.OldCommitteeCode).Id
            && p.From == new DateOnly(2020, 10, 1) && p.To == new DateOnly(2025, 6, 30));
        Assert.Contains(ly.Posts, p => p.OrgUnitId == Plan.Unit(DemoPlanBuilder.NewCommitteeCode).Id && p.To is null);
    }

    [Fact]
    public void People_NumberAboutSixHundred()
    {
        Assert.InRange(Plan.People.Count, 500, 700);
    }

    private static List<string> Describe(DemoPlan plan) =>
        plan.People.Select(p =>
        {
            var m = p.Membership;
            var periods = m is null ? string.Empty : string.Join(";", m.Periods.Select(x => $"{x.OrgUnitId}/{x.Class}/{x.Status}/{x.From:O}/{x.To:O}/{x.Change}"));
            var posts = string.Join(";", p.Posts.Select(x => $"{x.OrgUnitId}/{x.Title}/{x.From:O}/{x.To:O}"));
            return $"{p.FullName}|{p.Gender}|{p.BirthDate:O}|{p.Ethnicity}|{p.Address}|{p.OrgUnitId}|{m?.CardNumber}|{m?.AdmittedOn:O}|{m?.OfficialOn:O}|{periods}|{posts}";
        }).ToList();
}
