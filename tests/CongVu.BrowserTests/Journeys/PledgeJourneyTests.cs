using CongVu.BrowserTests.Infrastructure;

namespace CongVu.BrowserTests.Journeys;

/// <summary>Chỉ thị 05-CT/TW: a member files the year's pledge and the cell secretary acknowledges it. The only journey touching dangvien.caygon's 2026 pledge, which the demo seeds blank once per run.</summary>
public class PledgeJourneyTests(BrowserHost host) : BrowserTest(host)
{
    private const string Member = "dangvien.caygon";
    private const string Secretary = "bithu.caygon";

    [Fact]
    public async Task Member_SubmitsPledge_SecretaryAcknowledges_MemberSeesItAcknowledged()
    {
        await Page.SignInAsync(Member);
        await Page.ExpectDashboardAsync();
        // The header names the signed-in person; the secretary finds the pledge under that name.
        var memberName = (await Page.Locator("a.who").InnerTextAsync()).Trim();

        await Page.GotoAsync("/staff/pledges/mine");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Bản cam kết của tôi — 2026");
        await Page.GetByLabel("Nội dung học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", new() { Exact = true })
            .FillAsync("Học tập chuyên đề năm 2026; giữ gìn đạo đức, lối sống giản dị, gần dân.");
        await Page.GetByLabel("Mô hình làm theo Bác tham gia", new() { Exact = true }).FillAsync("Tuyến đường hoa ấp Cây Gòn");
        var criterion = Page.GetByLabel("Tiêu chí 1", new() { Exact = true });
        await criterion.SelectOptionAsync(new SelectOptionValue { Index = 1 });
        var code = await criterion.InputValueAsync();
        Assert.False(string.IsNullOrEmpty(code));
        const string commitment = "Không gây phiền hà, sách nhiễu khi làm việc với bà con trong ấp.";
        await Page.GetByLabel("Nội dung cam kết 1", new() { Exact = true }).FillAsync(commitment);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Nộp bản cam kết", Exact = true }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã nộp bản cam kết");
        await Expect(Page.GetByText("Đã nộp, chờ chi bộ xác nhận", new() { Exact = true })).ToBeVisibleAsync();
        var itemRow = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = commitment });
        await Expect(itemRow).ToContainTextAsync(code);

        // The secretary works in a browser of their own.
        await using (var context = await Host.NewContextAsync())
        {
            var secretary = await context.NewPageAsync();
            await secretary.SignInAsync(Secretary);
            await secretary.ExpectDashboardAsync();
            await secretary.GotoAsync("/staff/pledges");
            await Expect(secretary.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("2026");
            var list = secretary.GetByRole(AriaRole.Region, new() { Name = "Danh sách bản cam kết" });
            var row = list.GetByRole(AriaRole.Row).Filter(new() { HasText = memberName });
            await Expect(row).ToContainTextAsync("Đã nộp, chờ chi bộ xác nhận");
            await row.GetByRole(AriaRole.Link, new() { Name = memberName, Exact = true }).ClickAsync();

            await Expect(secretary.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(memberName);
            await Expect(secretary.GetByRole(AriaRole.Row).Filter(new() { HasText = commitment })).ToContainTextAsync(code);
            await secretary.GetByRole(AriaRole.Button, new() { Name = "Xác nhận cam kết", Exact = true }).ClickAsync();
            await Expect(secretary.GetByText("Chi bộ đã xác nhận", new() { Exact = true })).ToBeVisibleAsync();
        }

        await Page.GotoAsync("/staff/pledges/mine");
        await Expect(Page.GetByText("Chi bộ đã xác nhận", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Nộp bản cam kết" })).ToHaveCountAsync(0);
    }
}
