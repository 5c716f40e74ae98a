using CongVu.Features.Organisation;
using CongVu.Tests.Infrastructure;

namespace CongVu.Tests.Features.Home;

public class CommuneListTests(EmptyAppFactory app) : IClassFixture<EmptyAppFactory>
{
    [Fact]
    public async Task HomeList_ShowsEachCommunesOwnRoll()
    {
        var first = await app.CreateCommuneAsync();
        var second = await app.CreateCommuneAsync();
        var joined = new DateOnly(2010, 3, 1);
        await app.AddMemberAsync(first.CellA, "Lê Văn Một", joined);
        await app.AddMemberAsync(first.CellB, "Lê Thị Hai", joined, status: MemberStatus.ExemptFromActivities);
        await app.AddMemberAsync(second.CellA, "Trần Văn Ba", joined);

        var doc = await app.CreateClient().GetPageAsync("/");
        string Figures(string prefix) => doc.QuerySelectorAll("li.card")
            .Single(card => card.QuerySelector("h3 a")!.GetAttribute("href") == $"/xa/{prefix}-xa")
            .QuerySelector("dl.figures")!.TextContent;

        // Cells, members, exempt: each card counts its own commune only, though one query counts them all.
        Assert.Equal(["2", "2", "1"], Numbers(Figures(first.Prefix)));
        Assert.Equal(["2", "1", "0"], Numbers(Figures(second.Prefix)));
    }

    private static string[] Numbers(string text) =>
        System.Text.RegularExpressions.Regex.Matches(text, @"\d[\d.]*").Select(m => m.Value).ToArray();
}
