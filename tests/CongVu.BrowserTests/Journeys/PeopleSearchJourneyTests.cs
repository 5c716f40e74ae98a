using CongVu.BrowserTests.Infrastructure;

namespace CongVu.BrowserTests.Journeys;

public class PeopleSearchJourneyTests(BrowserHost host) : BrowserTest(host)
{
    [Fact]
    public async Task Search_WithoutDiacritics_FindsMember_AndOpensRecord()
    {
        await Page.SignInAsync();
        await Page.ExpectDashboardAsync();

        await Page.GotoAsync("/staff/people");
        var search = Page.GetByLabel("Tìm kiếm", new() { Exact = true });
        await Expect(search).ToHaveAttributeAsync("name", "q");
        await search.FillAsync("huynh van ly");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Tìm", Exact = true }).ClickAsync();

        // The result link may carry more than the name (e.g. a cell), so match on the name and take the first.
        var person = Page.GetByRole(AriaRole.Link, new() { Name = "Huỳnh Văn Lý" }).First;
        await Expect(person).ToBeVisibleAsync();
        await person.ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Huỳnh Văn Lý");
    }
}
