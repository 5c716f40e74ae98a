using CongVu.BrowserTests.Infrastructure;

namespace CongVu.BrowserTests.Journeys;

/// <summary>A cell secretary reports progress on their cell's model with a photo from the phone.</summary>
public class InitiativeJourneyTests(BrowserHost host) : BrowserTest(host)
{
    // A 1×1 PNG: small, valid, decodable.
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    [Fact]
    public async Task CellSecretary_PostsProgressWithPhoto_SeesItOnTheTimeline()
    {
        var caption = "Đoạn đường hoa mới trồng " + Guid.NewGuid().ToString("N")[..6];
        await Page.SignInAsync("bithu.caygon");
        await Page.ExpectDashboardAsync();
        await Page.GotoAsync("/staff/initiatives");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Giữ gìn, mở rộng tuyến đường hoa Hương lộ 25 sau sáp nhập" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("tuyến đường hoa Hương lộ 25");

        await Page.GetByLabel("Nội dung đã thực hiện", new() { Exact = true }).FillAsync("Chi bộ ra quân trồng thêm 300 m hoa mười giờ dọc Hương lộ 25.");
        await Page.GetByLabel("Đường hoa nối dài (km, đạt đến nay)", new() { Exact = true }).FillAsync("0,3");
        await Page.GetByLabel("Ảnh (JPEG hoặc PNG, tối đa 5 MB)", new() { Exact = true }).SetInputFilesAsync(new FilePayload
        {
            Name = "duong-hoa.png",
            MimeType = "image/png",
            Buffer = Png,
        });
        await Page.GetByLabel("Chú thích ảnh", new() { Exact = true }).FillAsync(caption);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Ghi tiến độ", Exact = true }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã ghi tiến độ.");
        await Expect(Page.GetByRole(AriaRole.Img, new() { Name = caption })).ToBeVisibleAsync();
        await Expect(Page.GetByText("Chi bộ ra quân trồng thêm 300 m hoa mười giờ")).ToBeVisibleAsync();
    }
}
